import Foundation

/// The structural requirements of the SARIF 2.1.0 JSON schema (sarif-schema-2.1.0.json,
/// OASIS) that casecheck's output touches, written out as checks: required properties,
/// enumerations, minimums and the types of each property used. Returns every violation
/// as "path: problem", so a test can show them all.
enum SARIFSchemaChecks {
    static let levels: Set<String> = ["none", "note", "warning", "error"]

    /// The properties the schema allows on each object casecheck writes: every one of these
    /// definitions says `"additionalProperties": false`.
    static let allowedKeys: [String: Set<String>] = [
        "run": ["tool", "invocations", "conversion", "language", "versionControlProvenance", "originalUriBaseIds", "artifacts",
                "logicalLocations", "graphs", "results", "automationDetails", "runAggregates", "baselineGuid", "redactionTokens",
                "defaultEncoding", "defaultSourceLanguage", "newlineSequences", "columnKind", "externalPropertyFileReferences",
                "threadFlowLocations", "taxonomies", "addresses", "translations", "policies", "webRequests", "webResponses",
                "specialLocations", "properties"],
        "tool": ["driver", "extensions", "properties"],
        "toolComponent": ["guid", "name", "organization", "product", "productSuite", "shortDescription", "fullDescription",
                          "fullName", "version", "semanticVersion", "dottedQuadFileVersion", "releaseDateUtc", "downloadUri",
                          "informationUri", "globalMessageStrings", "notifications", "rules", "taxa", "locations", "language",
                          "contents", "isComprehensive", "localizedDataSemanticVersion",
                          "minimumRequiredLocalizedDataSemanticVersion", "associatedComponent", "translationMetadata",
                          "supportedTaxonomies", "properties"],
        "reportingDescriptor": ["id", "deprecatedIds", "guid", "deprecatedGuids", "name", "deprecatedNames", "shortDescription",
                                "fullDescription", "messageStrings", "defaultConfiguration", "helpUri", "help", "relationships",
                                "properties"],
        "reportingConfiguration": ["enabled", "level", "rank", "parameters", "properties"],
        "multiformatMessageString": ["text", "markdown", "properties"],
        "message": ["text", "markdown", "id", "arguments", "properties"],
        "result": ["ruleId", "ruleIndex", "rule", "kind", "level", "message", "analysisTarget", "locations", "guid",
                   "correlationGuid", "occurrenceCount", "partialFingerprints", "fingerprints", "stacks", "codeFlows", "graphs",
                   "graphTraversals", "relatedLocations", "suppressions", "baselineState", "rank", "attachments",
                   "hostedViewerUri", "workItemUris", "provenance", "fixes", "taxa", "webRequest", "webResponse", "properties"],
        "location": ["id", "physicalLocation", "logicalLocations", "message", "annotations", "relationships", "properties"],
        "physicalLocation": ["address", "artifactLocation", "region", "contextRegion", "properties"],
        "artifactLocation": ["uri", "uriBaseId", "index", "description", "properties"],
        "region": ["startLine", "startColumn", "endLine", "endColumn", "charOffset", "charLength", "byteOffset", "byteLength",
                   "snippet", "message", "sourceLanguage", "properties"],
    ]

    /// RFC 3986: no spaces, controls or characters outside the URI alphabet unless percent-encoded.
    static func isURIReference(_ value: Any) -> Bool {
        guard let text = value as? String else { return false }
        let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#[]@!$&'()*+,;=%")
        return text.allSatisfy { allowed.contains($0) } && URL(string: text) != nil
    }

    static func violations(_ log: Any) -> [String] {
        var problems: [String] = []
        func fail(_ path: String, _ message: String) { problems.append("\(path): \(message)") }
        func object(_ value: Any?, _ path: String, _ definition: String? = nil) -> [String: Any]? {
            guard let dict = value as? [String: Any] else { fail(path, "must be an object"); return nil }
            if let definition, let allowed = allowedKeys[definition] {
                for key in dict.keys.sorted() where !allowed.contains(key) { fail("\(path).\(key)", "not allowed in \(definition)") }
            }
            return dict
        }
        func requireString(_ dict: [String: Any], _ key: String, _ path: String) {
            guard dict[key] is String else { fail("\(path).\(key)", "required string"); return }
        }
        func optionalString(_ dict: [String: Any], _ key: String, _ path: String) {
            if let value = dict[key], !(value is String) { fail("\(path).\(key)", "must be a string") }
        }
        func message(_ value: Any?, _ path: String, textRequired: Bool) {
            guard let dict = object(value, path, textRequired ? "multiformatMessageString" : "message") else { return }
            // message: anyOf [required text] [required id]; multiformatMessageString: required text.
            if textRequired || dict["id"] == nil { requireString(dict, "text", path) }
        }
        func propertyBag(_ value: Any?, _ path: String) {
            guard let value else { return }
            guard let dict = object(value, path) else { return }
            if let tags = dict["tags"] {
                guard let list = tags as? [Any], list.allSatisfy({ $0 is String }) else { fail("\(path).tags", "must be an array of strings"); return }
                if Set(list.compactMap { $0 as? String }).count != list.count { fail("\(path).tags", "items must be unique") }
            }
        }

        guard let root = object(log, "$") else { return problems }
        if root["version"] as? String != "2.1.0" { fail("$.version", "required, must be \"2.1.0\"") }
        optionalString(root, "$schema", "$")
        let allowedRoot: Set<String> = ["$schema", "version", "runs", "inlineExternalProperties", "properties"]
        for key in root.keys where !allowedRoot.contains(key) { fail("$.\(key)", "not allowed (additionalProperties: false)") }
        guard let runs = root["runs"] as? [Any] else { fail("$.runs", "required array"); return problems }
        for (r, runValue) in runs.enumerated() {
            let runPath = "$.runs[\(r)]"
            guard let run = object(runValue, runPath, "run") else { continue }
            guard let tool = object(run["tool"], "\(runPath).tool", "tool") else { continue }
            guard let driver = object(tool["driver"], "\(runPath).tool.driver", "toolComponent") else { continue }
            requireString(driver, "name", "\(runPath).tool.driver")
            optionalString(driver, "version", "\(runPath).tool.driver")
            var ruleCount = 0
            if let rulesValue = driver["rules"] {
                guard let rules = rulesValue as? [Any] else { fail("\(runPath).tool.driver.rules", "must be an array"); continue }
                ruleCount = rules.count
                var ids = Set<String>()
                for (n, ruleValue) in rules.enumerated() {
                    let path = "\(runPath).tool.driver.rules[\(n)]"
                    guard let rule = object(ruleValue, path, "reportingDescriptor") else { continue }
                    requireString(rule, "id", path)
                    if let id = rule["id"] as? String, !ids.insert(id).inserted { fail(path, "duplicate rule id \(id)") }
                    for key in ["shortDescription", "fullDescription", "help"] where rule[key] != nil {
                        message(rule[key], "\(path).\(key)", textRequired: true)
                    }
                    if let configuration = rule["defaultConfiguration"] {
                        if let dict = object(configuration, "\(path).defaultConfiguration", "reportingConfiguration"), let level = dict["level"] {
                            if !(level is String) || !levels.contains(level as! String) { fail("\(path).defaultConfiguration.level", "must be one of \(levels.sorted())") }
                        }
                    }
                    propertyBag(rule["properties"], "\(path).properties")
                }
            }
            if let kind = run["columnKind"], !["utf16CodeUnits", "unicodeCodePoints"].contains(kind as? String ?? "") {
                fail("\(runPath).columnKind", "must be utf16CodeUnits or unicodeCodePoints")
            }
            guard let resultsValue = run["results"] else { continue }
            guard let results = resultsValue as? [Any] else { fail("\(runPath).results", "must be an array"); continue }
            for (n, resultValue) in results.enumerated() {
                let path = "\(runPath).results[\(n)]"
                guard let result = object(resultValue, path, "result") else { continue }
                message(result["message"], "\(path).message", textRequired: false)
                optionalString(result, "ruleId", path)
                if let index = result["ruleIndex"] {
                    guard let number = index as? Int, number >= -1 else { fail("\(path).ruleIndex", "must be an integer >= -1"); continue }
                    if number >= ruleCount { fail("\(path).ruleIndex", "points past the \(ruleCount) rules") }
                }
                if let level = result["level"], !levels.contains(level as? String ?? "") { fail("\(path).level", "must be one of \(levels.sorted())") }
                if let fingerprints = result["partialFingerprints"] {
                    guard let dict = fingerprints as? [String: Any], dict.values.allSatisfy({ $0 is String }) else {
                        fail("\(path).partialFingerprints", "must be an object of strings"); continue
                    }
                }
                if let locationsValue = result["locations"] {
                    guard let locations = locationsValue as? [Any] else { fail("\(path).locations", "must be an array"); continue }
                    for (l, locationValue) in locations.enumerated() {
                        let locationPath = "\(path).locations[\(l)]"
                        guard let location = object(locationValue, locationPath, "location"), let physicalValue = location["physicalLocation"] else { continue }
                        guard let physical = object(physicalValue, "\(locationPath).physicalLocation", "physicalLocation") else { continue }
                        // physicalLocation: anyOf [required address] [required artifactLocation].
                        guard physical["address"] != nil || physical["artifactLocation"] != nil else {
                            fail("\(locationPath).physicalLocation", "needs artifactLocation or address"); continue
                        }
                        if let artifact = physical["artifactLocation"], let dict = object(artifact, "\(locationPath).physicalLocation.artifactLocation", "artifactLocation") {
                            if let uri = dict["uri"], !isURIReference(uri) {
                                fail("\(locationPath).physicalLocation.artifactLocation.uri", "must be a URI reference")
                            }
                        }
                        if let region = physical["region"], let dict = object(region, "\(locationPath).physicalLocation.region", "region") {
                            for key in ["startLine", "startColumn"] where dict[key] != nil {
                                guard let number = dict[key] as? Int, number >= 1 else { fail("\(locationPath).physicalLocation.region.\(key)", "must be an integer >= 1"); continue }
                            }
                        }
                    }
                }
                propertyBag(result["properties"], "\(path).properties")
            }
            propertyBag(run["properties"], "\(runPath).properties")
        }
        return problems
    }
}
