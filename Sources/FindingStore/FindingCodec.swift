import CaseModel
import Rules

/// The compact binary form a finding takes while it waits on disk to be merged: strings as a
/// length and UTF-8 bytes, small numbers as varints, absent fields as one flag bit. About a
/// third of a finding's size in memory, and no allocation per field when written.
enum FindingCodec {
    private enum Flag {
        static let caseID: UInt16 = 1 << 0
        static let item: UInt16 = 1 << 1
        static let group: UInt16 = 1 << 2
        static let due: UInt16 = 1 << 3
        static let daysLate: UInt16 = 1 << 4
        static let worker: UInt16 = 1 << 5
        static let team: UInt16 = 1 << 6
        static let location: UInt16 = 1 << 7
        static let teamManager: UInt16 = 1 << 8
    }

    private static let severities = Severity.allCases
    private static let statuses = FindingStatus.allCases

    /// Appends `finding` to `bytes`.
    static func encode(_ finding: Finding, into bytes: inout [UInt8]) {
        var flags: UInt16 = 0
        if finding.caseID != nil { flags |= Flag.caseID }
        if finding.item != nil { flags |= Flag.item }
        if finding.group != nil { flags |= Flag.group }
        if finding.due != nil { flags |= Flag.due }
        if finding.daysLate != nil { flags |= Flag.daysLate }
        if finding.worker != nil { flags |= Flag.worker }
        if finding.team != nil { flags |= Flag.team }
        if finding.location != nil { flags |= Flag.location }
        if finding.teamManager != nil { flags |= Flag.teamManager }
        bytes.append(UInt8(truncatingIfNeeded: flags))
        bytes.append(UInt8(truncatingIfNeeded: flags >> 8))
        bytes.append(UInt8(severities.firstIndex(of: finding.severity)!))
        bytes.append(UInt8(statuses.firstIndex(of: finding.status)!))
        putText(finding.rule, &bytes)
        if let v = finding.caseID { putText(v, &bytes) }
        if let v = finding.item { putText(v, &bytes) }
        if let v = finding.group { putText(v, &bytes) }
        putText(finding.message, &bytes)
        if let v = finding.due { putSigned(Int(v.dayNumber), &bytes) }
        if let v = finding.daysLate { putSigned(v, &bytes) }
        if let v = finding.worker { putText(v, &bytes) }
        if let v = finding.team { putText(v, &bytes) }
        if let v = finding.location { putLocation(v, &bytes) }
        putLocation(finding.ruleLocation, &bytes)
        putText(finding.fingerprint, &bytes)
        if let v = finding.teamManager { putText(v, &bytes) }
    }

    /// Reads one finding from `bytes` at `offset`, moving `offset` past it; nil when the bytes
    /// end before the finding does (the caller refills and tries again).
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at offset: inout Int) -> Finding? {
        var reader = ByteReader(bytes: bytes, offset: offset)
        guard let finding = reader.finding() else { return nil }
        offset = reader.offset
        return finding
    }

    private static func putText(_ text: String, _ bytes: inout [UInt8]) {
        var text = text
        text.withUTF8 { utf8 in
            putUnsigned(UInt(utf8.count), &bytes)
            bytes.append(contentsOf: utf8)
        }
    }

    private static func putLocation(_ location: SourceLocation, _ bytes: inout [UInt8]) {
        putText(location.file, &bytes)
        putSigned(location.line, &bytes)
        putSigned(location.column, &bytes)
    }

    private static func putSigned(_ value: Int, _ bytes: inout [UInt8]) {
        // Zig-zag, so small negative numbers (days early) stay one byte.
        putUnsigned(UInt(bitPattern: (value << 1) ^ (value >> (Int.bitWidth - 1))), &bytes)
    }

    private static func putUnsigned(_ value: UInt, _ bytes: inout [UInt8]) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    /// Reads the fields back in the order `encode` wrote them.
    private struct ByteReader {
        let bytes: UnsafeBufferPointer<UInt8>
        var offset: Int

        mutating func finding() -> Finding? {
            guard offset + 4 <= bytes.count else { return nil }
            let flags = UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8
            let severity = FindingCodec.severities[Int(bytes[offset + 2])]
            let status = FindingCodec.statuses[Int(bytes[offset + 3])]
            offset += 4
            guard let rule = text() else { return nil }
            var caseID: String?, item: String?, group: String?, worker: String?, team: String?
            var due: CalendarDate?, daysLate: Int?, location: SourceLocation?
            if flags & Flag.caseID != 0 { guard let v = text() else { return nil }; caseID = v }
            if flags & Flag.item != 0 { guard let v = text() else { return nil }; item = v }
            if flags & Flag.group != 0 { guard let v = text() else { return nil }; group = v }
            guard let message = text() else { return nil }
            if flags & Flag.due != 0 { guard let v = signed() else { return nil }; due = CalendarDate(dayNumber: Int32(v)) }
            if flags & Flag.daysLate != 0 { guard let v = signed() else { return nil }; daysLate = v }
            if flags & Flag.worker != 0 { guard let v = text() else { return nil }; worker = v }
            if flags & Flag.team != 0 { guard let v = text() else { return nil }; team = v }
            if flags & Flag.location != 0 { guard let v = sourceLocation() else { return nil }; location = v }
            guard let ruleLocation = sourceLocation(), let fingerprint = text() else { return nil }
            var teamManager: String?
            if flags & Flag.teamManager != 0 { guard let v = text() else { return nil }; teamManager = v }
            return Finding(rule: rule, severity: severity, status: status, caseID: caseID, item: item, group: group,
                           message: message, due: due, daysLate: daysLate, worker: worker, team: team,
                           location: location, ruleLocation: ruleLocation, fingerprint: fingerprint, teamManager: teamManager)
        }

        mutating func sourceLocation() -> SourceLocation? {
            guard let file = text(), let line = signed(), let column = signed() else { return nil }
            return SourceLocation(file: file, line: line, column: column)
        }

        mutating func text() -> String? {
            guard let count = unsigned(), offset + Int(count) <= bytes.count else { return nil }
            let start = offset
            offset += Int(count)
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<offset]), as: UTF8.self)
        }

        mutating func signed() -> Int? {
            guard let u = unsigned() else { return nil }
            return Int(bitPattern: u >> 1) ^ -Int(bitPattern: u & 1)
        }

        mutating func unsigned() -> UInt? {
            var value: UInt = 0, shift: UInt = 0
            while offset < bytes.count {
                let byte = bytes[offset]
                offset += 1
                value |= UInt(byte & 0x7F) << shift
                if byte < 0x80 { return value }
                shift += 7
                if shift > 63 { return nil }
            }
            return nil
        }
    }
}
