import Testing
import GraphPermCore

/// A Graph error response reduced to its code, message and searchable text.
@Suite struct ErrorBodyTests {
    @Test func graphsErrorObject() {
        let body = ErrorBody(
            text: #"{"error": {"code": "ErrorAccessDenied", "message": "Access to OData is disabled."}}"#)
        #expect(body.code == "ErrorAccessDenied" && body.message == "Access to OData is disabled.")
        #expect(body.quote == "ErrorAccessDenied: Access to OData is disabled.")
        #expect(body.mentions("ACCESS TO ODATA") && !body.mentions("audience"))
    }

    @Test func theIdentityPlatformsFlatError() {
        let body = ErrorBody(text: #"{"error": "invalid_grant", "error_description": "AADSTS65001: consent"}"#)
        #expect(body.code == "invalid_grant" && body.message == "AADSTS65001: consent")
    }

    @Test func textThatIsNotJSONIsStillSearched() {
        let body = ErrorBody(text: "HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer error=\"insufficient_claims\"")
        #expect(body.code == nil && body.message == nil && body.quote.isEmpty)
        #expect(body.mentions("Insufficient_Claims"))
    }

    @Test func theQuoteIsShort() {
        let long = String(repeating: "x", count: 500)
        #expect(ErrorBody(text: #"{"error": {"code": "C", "message": "\#(long)"}}"#).quote.count == 200)
    }
}
