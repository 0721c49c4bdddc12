import Foundation
/// The OpenAPI 3.1 description of the JSON API, served at `/openapi.json` (a test checks it is a valid document
/// and that real responses match its schemas).
enum OpenAPIDocument {
    static let text = #"""
        {
          "openapi": "3.1.0",
          "info": {
            "title": "graphperm explorer API",
            "version": "1",
            "description": "Offline answers about Microsoft Graph permissions from the local knowledge base. Each \#
            answer is the JSON the matching graphperm command prints with --format json. Errors are {\"error\": \#
            {status, exitCode, message}}: no answer (exit 1) is 404, a bad request 400."
          },
          "paths": {
            "/api/least": {
              "get": {
                "summary": "The least-privileged permissions for a call (graphperm least METHOD URL --format json).",
                "parameters": [
                  {"name": "method", "in": "query", "required": true, "schema": {"type": "string"}, "example": "GET"},
                  {"name": "url", "in": "query", "required": true, "schema": {"type": "string"}, "example": \#
                  "/me/messages"},
                  {"$ref": "#/components/parameters/scheme"}
                ],
                "responses": {
                  "200": {"description": "The answer.", "content": {"application/json": {"schema": {"$ref": \#
                  "#/components/schemas/LeastAnswer"}}}},
                  "400": {"$ref": "#/components/responses/Error"},
                  "404": {"$ref": "#/components/responses/Error"}
                }
              }
            },
            "/api/who-can": {
              "get": {
                "summary": "Every permission that grants a call, ranked (graphperm query 'who can METHOD URL' \#
                --format json).",
                "parameters": [
                  {"name": "method", "in": "query", "required": true, "schema": {"type": "string"}},
                  {"name": "url", "in": "query", "required": true, "schema": {"type": "string"}},
                  {"$ref": "#/components/parameters/scheme"}
                ],
                "responses": {
                  "200": {"description": "Rows of scheme, rank, permission, privilege.", "content": \#
                  {"application/json": {"schema": {"$ref": "#/components/schemas/Rows"}}}},
                  "400": {"$ref": "#/components/responses/Error"},
                  "404": {"$ref": "#/components/responses/Error"}
                }
              }
            },
            "/api/show/{name}": {
              "get": {
                "summary": "A permission card or an admin role (graphperm show NAME --format json).",
                "parameters": [{"name": "name", "in": "path", "required": true, "schema": {"type": "string"}, \#
                "example": "Mail.Read"}],
                "responses": {
                  "200": {"description": "The card.", "content": {"application/json": {"schema": {"oneOf": [{"$ref": \#
                  "#/components/schemas/PermissionCard"}, {"$ref": "#/components/schemas/AdminRole"}]}}}},
                  "404": {"$ref": "#/components/responses/Error"}
                }
              }
            },
            "/api/need": {
              "post": {
                "summary": "The fewest least-privileged permissions for a set of calls (graphperm need FILE --format \#
                json).",
                "parameters": [{"$ref": "#/components/parameters/scheme"}],
                "requestBody": {"required": true, "content": {"text/plain": {"schema": {"type": "string"}, "example": \#
                "GET /me\nGET /me/messages\n"}}},
                "responses": {
                  "200": {"description": "Per permission type, the set and what each permission grants.", "content": \#
                  {"application/json": {"schema": {"type": "object", "required": ["schemes"], "properties": \#
                  {"schemes": {"type": "object"}}}}}},
                  "400": {"$ref": "#/components/responses/Error"},
                  "413": {"$ref": "#/components/responses/Error"}
                }
              }
            },
            "/api/query": {
              "get": {
                "summary": "Statements of the query language (graphperm query '…' --format json): each statement's \#
                JSON, one after the other.",
                "parameters": [{"name": "q", "in": "query", "required": true, "schema": {"type": "string"}, \#
                "example": "who can GET /me/messages"}],
                "responses": {
                  "200": {"description": "The statements' output.", "content": {"application/json": {"schema": {}}}},
                  "400": {"$ref": "#/components/responses/Error"},
                  "404": {"$ref": "#/components/responses/Error"}
                }
              }
            },
            "/api/search": {
              "get": {
                "summary": "What the search box finds, for search as you type.",
                "parameters": [{"name": "q", "in": "query", "required": true, "schema": {"type": "string"}}],
                "responses": {
                  "200": {"description": "Hits.", "content": {"application/json": {"schema": {"type": "array", \#
                  "items": {"type": "object", "required": ["kind", "label", "href"], "additionalProperties": false, \#
                  "properties": {"kind": {"type": "string"}, "label": {"type": "string"}, "href": {"type": \#
                  "string"}}}}}}}
                }
              }
            },
            "/permissions": {
              "get": {
                "summary": "Compatible with Microsoft's Graph Explorer permissions service: every permission that \#
                grants a call.",
                "parameters": [
                  {"name": "requesturl", "in": "query", "required": true, "schema": {"type": "string"}, "example": \#
                  "/me/messages"},
                  {"name": "method", "in": "query", "schema": {"type": "string", "default": "GET"}},
                  {"$ref": "#/components/parameters/scopeType"},
                  {"name": "includeHidden", "in": "query", "schema": {"type": "boolean", "default": false}}
                ],
                "responses": {
                  "200": {"description": "The permissions.", "content": {"application/json": {"schema": {"type": \#
                  "array", "items": {"$ref": "#/components/schemas/ScopeInformation"}}}}},
                  "400": {"$ref": "#/components/responses/Error"},
                  "404": {"$ref": "#/components/responses/Error"}
                }
              },
              "post": {
                "summary": "Compatible with Microsoft's Graph Explorer permissions service: the permissions of \#
                several calls.",
                "parameters": [{"$ref": "#/components/parameters/scopeType"}],
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "array", \#
                "items": {"type": "object", "required": ["requestUrl"], "properties": {"requestUrl": {"type": \#
                "string"}, "method": {"type": "string"}}}}}}},
                "responses": {
                  "200": {"description": "The permissions and the calls without an answer.", "content": \#
                  {"application/json": {"schema": {"type": "object", "required": ["results", "errors"], \#
                  "additionalProperties": false, "properties": {
                    "results": {"type": "array", "items": {"$ref": "#/components/schemas/ScopeInformation"}},
                    "errors": {"type": "array", "items": {"type": "object", "required": ["requestUrl", "message"], \#
                    "additionalProperties": false, "properties": {"requestUrl": {"type": ["string", "null"]}, \#
                    "message": {"type": "string"}}}}}}}}},
                  "400": {"$ref": "#/components/responses/Error"}
                }
              }
            }
          },
          "components": {
            "parameters": {
              "scheme": {"name": "scheme", "in": "query", "schema": {"type": "string", "enum": ["delegated", "work", \#
              "personal", "application"]}},
              "scopeType": {"name": "scopeType", "in": "query", "schema": {"type": "string", "enum": \#
              ["DelegatedWork", "DelegatedPersonal", "Application"]}}
            },
            "responses": {
              "Error": {"description": "No answer, or a bad request.", "content": {"application/json": {"schema": \#
              {"$ref": "#/components/schemas/Error"}}}}
            },
            "schemas": {
              "Error": {"type": "object", "required": ["error"], "additionalProperties": false, "properties": \#
              {"error": {"type": "object", "required": ["status", "exitCode", "message"], "additionalProperties": \#
              false, "properties": {"status": {"type": "integer"}, "exitCode": {"type": "integer"}, "message": \#
              {"type": "string"}}}}},
              "SchemeAnswer": {"type": ["object", "null"], "required": ["least", "higher"], "properties": {"least": \#
              {"type": "array", "items": {"type": "string"}}, "higher": {"type": "array", "items": {"type": \#
              "string"}}, "recommended": {"type": "string"}, "why": {"type": "string"}}},
              "LeastAnswer": {"type": "object", "required": ["request", "template", "schemes", "basis"], "properties": {
                "request": {"type": "object", "required": ["method", "url"], "properties": {"method": {"type": \#
                "string"}, "url": {"type": "string"}}},
                "template": {"type": ["string", "null"]},
                "schemes": {"type": "object", "additionalProperties": {"$ref": "#/components/schemas/SchemeAnswer"}},
                "basis": {"type": "string", "enum": ["documented", "security-table", "inferred"]},
                "notes": {"type": "array", "items": {"type": "string"}}}},
              "Rows": {"type": "array", "items": {"type": "object", "additionalProperties": {"type": ["string", \#
              "number", "boolean", "null"]}}},
              "PermissionCard": {"type": "object", "required": ["name", "resource", "schemes"], "properties": {
                "name": {"type": "string"}, "resource": {"type": "string"}, "operation": {"type": ["string", \#
                "null"]}, "constraint": {"type": ["string", "null"]},
                "schemes": {"type": "object", "additionalProperties": {"type": "object", "required": ["id", \#
                "requiresAdminConsent", "grants"], "properties": {
                  "id": {"type": ["string", "null"]}, "adminDisplayName": {"type": ["string", "null"]}, \#
                  "adminDescription": {"type": ["string", "null"]},
                  "userDisplayName": {"type": ["string", "null"]}, "userDescription": {"type": ["string", "null"]},
                  "requiresAdminConsent": {"type": ["boolean", "null"]}, "privilegeLevel": {"type": ["integer", \#
                  "null"]},
                  "isEnabled": {"type": ["boolean", "null"]}, "isHidden": {"type": ["boolean", "null"]}, "grants": \#
                  {"type": "integer"}}}}}},
              "AdminRole": {"type": "object", "required": ["role", "roleTemplateId"], "properties": {"role": {"type": \#
              "string"}, "roleTemplateId": {"type": "string"}}},
              "ScopeInformation": {"type": "object", "required": ["value", "scopeType", "consentDisplayName", \#
              "consentDescription", "isAdmin", "isLeastPrivilege", "isHidden"], "additionalProperties": false, \#
              "properties": {
                "value": {"type": "string"}, "scopeType": {"type": "string", "enum": ["DelegatedWork", \#
                "DelegatedPersonal", "Application"]},
                "consentDisplayName": {"type": ["string", "null"]}, "consentDescription": {"type": ["string", "null"]},
                "isAdmin": {"type": "boolean"}, "isLeastPrivilege": {"type": "boolean"}, "isHidden": {"type": \#
                "boolean"}}}
            }
          }
        }

        """#
}
