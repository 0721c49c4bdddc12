import Testing
import GraphPermJSON

/// Typed reads of a parsed document, each failure naming the file, the JSON path and what was expected.
@Suite struct JSONReaderTests {
    static func root(_ text: String) throws -> JSONReader {
        try JSONReader.parse(Array(text.utf8), file: "f.json")
    }

    static func message(_ read: () throws(LoadError) -> Void) -> String? {
        do {
            try read()
            return nil
        } catch { return error.description }
    }

    static let document = #"""
        {"name": "Mail.Read", "n": 3, "flag": true, "none": null, "list": ["a", "b"],
         "mixed": ["a", 2], "obj": {"k": "v"}, "id": "5D6B6BB7-DE71-4623-B4AF-96380A352509", "empty": "",
         "odd key": {"x.y": [0, {"deep": 1}]}}
        """#

    @Test func valuesReadAsTheirTypes() throws {
        let root = try Self.root(Self.document)
        #expect(try root["name"].string() == "Mail.Read")
        #expect(try root["name"].permissionName() == "Mail.Read")
        #expect(try root["n"].optionalInt() == 3)
        #expect(try root["flag"].bool() && root["flag"].isPresent)
        #expect(try root["none"].optionalString() == nil && !root["none"].isPresent)
        #expect(try root["missing"].optionalBool() == nil && !root["missing"].isPresent)
        #expect(try root["list"].strings() == ["a", "b"])
        #expect(try root["list"].elements().map { try $0.string() } == ["a", "b"])
        #expect(try root["obj"].members().map(\.key) == ["k"])
        #expect(try root["id"].guid() == "5d6b6bb7-de71-4623-b4af-96380a352509")
        #expect(try root["empty"].optionalGUID() == nil && root["missing"].optionalGUID() == nil)
    }

    @Test func childrenKnowTheirPath() throws {
        let root = try Self.root(Self.document)
        let deep = try root["odd key"]["x.y"].elements()[1]["deep"]
        #expect(JSONPathComponent.render(deep.path) == #"$["odd key"]["x.y"][1].deep"#)
        #expect(deep.file == "f.json")
        // Under a value that is not an object every member is missing, with its path.
        #expect(JSONPathComponent.render(root["n"]["x"].path) == "$.n.x" && root["n"]["x"].value == nil)
    }

    @Test(arguments: [
        ("string", "f.json: $.n: expected a string, found a number"),
        ("missing", "f.json: $.absent: expected a string, the member is missing"),
        ("long", "f.json: $.name: expected a string of at most 4 bytes (found 9 bytes), found a string"),
        ("bool", "f.json: $.name: expected true or false, found a string"),
        ("int", "f.json: $.flag: expected a whole number, found a boolean"),
        ("members", "f.json: $.list: expected an object, found an array"),
        ("elements", "f.json: $.obj: expected an array, found an object"),
        ("strings", "f.json: $.mixed[1]: expected a string, found a number"),
        ("keys", "f.json: $.n: expected one of the members name, not n, found a number"),
        ("guid", #"f.json: $.name: expected a GUID like 00000000-0000-0000-0000-000000000000, found "Mail.Read""#),
        ("permission", #"f.json: $.empty: expected a permission name (1 to 200 letters, digits, '.', '-' or '_'),"#
            + #" found """#),
    ])
    func failuresNameTheFileThePathAndWhatWasExpected(read: String, message: String) throws {
        let root = try Self.root(Self.document)
        let error = Self.message { () throws(LoadError) in
            switch read {
            case "string": _ = try root["n"].string()
            case "missing": _ = try root["absent"].string()
            case "long": _ = try root["name"].string(maxLength: 4)
            case "bool": _ = try root["name"].bool()
            case "int": _ = try root["flag"].optionalInt()
            case "members": _ = try root["list"].members()
            case "elements": _ = try root["obj"].elements()
            case "strings": _ = try root["mixed"].strings()
            case "keys": try root.checkKeys(["name"])
            case "guid": _ = try root["name"].guid()
            default: _ = try root["empty"].permissionName()
            }
        }
        #expect(error == message)
    }

    @Test(arguments: [("1.5", false), ("1e9", false), ("-999999999", true), ("0", true)])
    func wholeNumbersBelowABillion(text: String, accepted: Bool) throws {
        let root = try Self.root(#"{"n": \#(text)}"#)
        #expect(((try? root["n"].optionalInt()) != nil) == accepted)
    }

    @Test func aSyntaxErrorBecomesALoadErrorWithLineAndColumn() {
        let message = Self.message { () throws(LoadError) in
            _ = try JSONReader.parse(Array("{\n \"a\": }".utf8), file: "x.json")
        }
        #expect(message == "x.json: line 2, column 7 ($.a): expected a value, found '}'")
    }

    @Test(arguments: [
        ("5d6b6bb7-de71-4623-b4af-96380a352509", true), ("5D6B6BB7-DE71-4623-B4AF-96380A352509", true),
        ("5d6b6bb7de71-4623-b4af-96380a352509-", false), ("5d6b6bb7-de71-4623-b4af-96380a35250", false),
        ("5d6b6bb7-de71-4623-b4af-96380a3525090", false), ("gd6b6bb7-de71-4623-b4af-96380a352509", false),
        ("", false),
    ])
    func guidSyntax(text: String, valid: Bool) {
        #expect(GUID.isValid(text) == valid)
    }
}
