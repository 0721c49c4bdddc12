import GraphPermQuery

/// A JSON value with its path, whose accessors throw a `LoadError` naming the file and the path.
///
///     let root = JSONReader(value: json, file: "permissions.json")
///     try root["permissions"].object()   // or: permissions.json: $.permissions: expected an object, found an array
package struct JSONReader {
    package let value: JSONValue?
    package let file: String
    private let trail: JSONTrail?

    package init(value: JSONValue?, file: String, path: [JSONPathComponent] = []) {
        self.init(value: value, file: file, trail: path.reduce(nil) { JSONTrail(parent: $0, step: $1) })
    }

    private init(value: JSONValue?, file: String, trail: JSONTrail?) {
        self.value = value
        self.file = file
        self.trail = trail
    }

    /// The steps from the document's root to this value.
    package var path: [JSONPathComponent] { trail?.steps ?? [] }

    private func child(_ value: JSONValue?, _ step: JSONPathComponent) -> JSONReader {
        JSONReader(value: value, file: file, trail: JSONTrail(parent: trail, step: step))
    }

    /// The member `key` (absent members read as nil values and fail only when required).
    package subscript(key: String) -> JSONReader {
        guard case .object(let object)? = value else { return child(nil, .key(key)) }
        return child(object[key], .key(key))
    }

    package var isPresent: Bool {
        if case .null? = value { return false }
        return value != nil
    }

    package func failure(_ expected: String) -> LoadError {
        let found = value.map { "found \($0.typeDescription)" } ?? "the member is missing"
        return .data(file: file, place: JSONPathComponent.render(path), message: "expected \(expected), \(found)")
    }

    package func members() throws(LoadError) -> [(key: String, value: JSONReader)] {
        guard case .object(let object)? = value else { throw failure("an object") }
        return object.members.map { ($0.key, child($0.value, .key($0.key))) }
    }

    /// The strictly parsed document `bytes` of `file`, read from its root; a syntax error names the line and column.
    package static func parse(_ bytes: [UInt8], file: String) throws(LoadError) -> JSONReader {
        do {
            return JSONReader(value: try JSONParser.parse(bytes), file: file)
        } catch {
            throw LoadError.data(
                file: file, place: "line \(error.line), column \(error.column) (\(error.path))", message: error.message)
        }
    }

    /// Refuses an object member not in `allowed` (a misspelt key is an error, not ignored).
    package func checkKeys(_ allowed: [String]) throws(LoadError) {
        for member in try members() where !allowed.contains(member.key) {
            throw member.value.failure("one of the members \(allowed.joined(separator: ", ")), not \(member.key)")
        }
    }

    package func elements() throws(LoadError) -> [JSONReader] {
        guard case .array(let array)? = value else { throw failure("an array") }
        return array.enumerated().map { child($1, .index($0)) }
    }

    package func string(maxLength: Int = 65_536) throws(LoadError) -> String {
        guard case .string(let text)? = value else { throw failure("a string") }
        guard text.utf8.count <= maxLength else {
            throw failure("a string of at most \(maxLength) bytes (found \(text.utf8.count) bytes)")
        }
        return text
    }

    package func optionalString(maxLength: Int = 65_536) throws(LoadError) -> String? {
        isPresent ? try string(maxLength: maxLength) : nil
    }

    package func bool() throws(LoadError) -> Bool {
        guard case .bool(let flag)? = value else { throw failure("true or false") }
        return flag
    }

    package func optionalBool() throws(LoadError) -> Bool? { isPresent ? try bool() : nil }

    package func optionalInt() throws(LoadError) -> Int? {
        guard isPresent else { return nil }
        guard case .number(let number)? = value, number == number.rounded(), abs(number) < 1e9 else {
            throw failure("a whole number")
        }
        return Int(number)
    }

    package func strings() throws(LoadError) -> [String] {
        guard case .array(let array)? = value else { throw failure("an array of strings") }
        var result: [String] = []
        for (index, element) in array.enumerated() {
            guard case .string(let text) = element else {
                throw child(element, .index(index)).failure("a string")
            }
            result.append(text)
        }
        return result
    }

    /// A permission name: 1–200 characters of letters, digits, `.`, `-`, `_`.
    package func permissionName() throws(LoadError) -> String {
        try Self.checkPermissionName(try string(maxLength: 10_000), at: self)
    }

    package static func checkPermissionName(_ name: String, at reader: JSONReader) throws(LoadError) -> String {
        let valid = !name.isEmpty && name.utf8.count <= 200 && name.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "_"): true
            default: false
            }
        }
        guard valid else {
            throw LoadError.data(file: reader.file, place: JSONPathComponent.render(reader.path),
                                 message: "expected a permission name (1 to 200 letters, digits, '.', '-' or '_'),"
                                     + " found \(Excerpt.quoted(name))")
        }
        return name
    }

    /// A GUID in its usual 8-4-4-4-12 form, lower-cased.
    package func guid() throws(LoadError) -> String {
        let text = try string(maxLength: 100)
        guard GUID.isValid(text) else {
            throw LoadError.data(file: file, place: JSONPathComponent.render(path),
                                 message: "expected a GUID like 00000000-0000-0000-0000-000000000000,"
                                     + " found \(Excerpt.quoted(text))")
        }
        return text.lowercased()
    }

    /// A GUID, or nil when the member is absent, null or "".
    package func optionalGUID() throws(LoadError) -> String? {
        if case .string(let text)? = value, text.isEmpty { return nil }
        return isPresent ? try guid() : nil
    }
}

/// The last step to a value, linked to the steps before it: a child shares its parent's steps instead of copying
/// them (a load makes readers for hundreds of thousands of values, and only an error message needs the path).
private final class JSONTrail: Sendable {
    package let parent: JSONTrail?
    package let step: JSONPathComponent

    package init(parent: JSONTrail?, step: JSONPathComponent) {
        self.parent = parent
        self.step = step
    }

    package var steps: [JSONPathComponent] {
        var steps: [JSONPathComponent] = []
        var node: JSONTrail? = self
        while let current = node {
            steps.append(current.step)
            node = current.parent
        }
        return steps.reversed()
    }
}

/// GUID syntax checks.
package enum GUID {
    /// Whether `text` is a GUID of the form 8-4-4-4-12 hexadecimal digits.
    ///
    ///     GUID.isValid("5d6b6bb7-de71-4623-b4af-96380a352509")  // true
    package static func isValid(_ text: String) -> Bool {
        var count = 0
        for byte in text.utf8 {
            switch count {
            case 8, 13, 18, 23: guard byte == UInt8(ascii: "-") else { return false }
            default:
                let isHex = (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                    || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
                    || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
                guard isHex else { return false }
            }
            count += 1
        }
        return count == 36
    }
}
