import GraphPermCore
import GraphPermJSON
/// A small RFC 4180 reader for the project's own `Data/*.csv` files.
///
///     try CSVReader.rows(of: "a,b\n\"x, y\",z\n", file: "t.csv")  // [["a", "b"], ["x, y", "z"]]
package enum CSVReader {
    package static func rows(of text: String, file: String) throws(LoadError) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var inQuotes = false
        var line = 1
        var iterator = Array(text.unicodeScalars).makeIterator()
        var pending: Unicode.Scalar? = nil
        func next() -> Unicode.Scalar? {
            if let scalar = pending { pending = nil; return scalar }
            return iterator.next()
        }
        while let scalar = next() {
            if inQuotes {
                if scalar == "\"" {
                    let following = next()
                    if following == "\"" {
                        field.unicodeScalars.append("\"")
                    } else {
                        inQuotes = false
                        pending = following
                    }
                } else {
                    if scalar == "\n" { line += 1 }
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"":
                guard field.isEmpty else {
                    throw LoadError.data(file: file, place: "line \(line)",
                                         message: "expected a quote only at the start of a field")
                }
                inQuotes = true
            case ",": row.append(field); field = ""
            case "\r": continue
            case "\n":
                row.append(field); field = ""
                rows.append(row); row = []
                line += 1
            default: field.unicodeScalars.append(scalar)
            }
        }
        if inQuotes {
            throw LoadError.data(file: file, place: "line \(line)",
                                 message: "expected a closing quote before the end of the file")
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows.filter { $0 != [""] }
    }

    /// The rows after a header that must be exactly `header`; each row must have as many fields.
    package static func records(of text: String, file: String,
                                header: [String]) throws(LoadError) -> [(line: Int, fields: [String])] {
        let all = try rows(of: text, file: file)
        guard all.first == header else {
            throw LoadError.data(file: file, place: "line 1",
                                 message: "expected the header \(header.joined(separator: ","))")
        }
        var records: [(Int, [String])] = []
        for (index, fields) in all.dropFirst().enumerated() {
            guard fields.count == header.count else {
                throw LoadError.data(file: file, place: "record \(index + 1)",
                                     message: "expected \(header.count) fields (\(header.joined(separator: ","))),"
                                         + " found \(fields.count)")
            }
            records.append((index + 1, fields))
        }
        return records
    }
}
