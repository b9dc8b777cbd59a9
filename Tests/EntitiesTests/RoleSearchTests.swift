import Testing
@testable import Entities

@Suite struct RoleSearchTests {
    @Test func byteSearchAgreesWithStringContains() {
        let roles = ["", "press secretary", "white house press secretary", "deputy prime minister", "minister",
                     "ministre délégué", "secretary-general", "spokesman\r\nfor", "e\u{301}nvoy", "envoy\u{301}", "chief of staff"]
        let needles = ["secretary", "press secretary", "minister", "envoy", "chief", "spokesman", "a", "y", "ministre", "?"]
        for role in roles {
            for needle in needles {
                #expect(QuoteAttributor.contains(role, needle) == role.contains(needle), "\(role) / \(needle)")
            }
        }
    }
}
