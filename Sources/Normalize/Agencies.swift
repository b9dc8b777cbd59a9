/// Spellings of news agencies and outlets, and US state abbreviations used in datelines.
enum Agencies {
    /// Lower-cased spelling → canonical name.
    static let canonical: [String: String] = [
        "reuters": "Reuters", "thomson reuters": "Reuters",
        "tass": "TASS", "itar-tass": "TASS",
        "ria novosti": "RIA Novosti", "ria": "RIA Novosti",
        "ap": "Associated Press", "associated press": "Associated Press", "the associated press": "Associated Press",
        "afp": "AFP", "agence france-presse": "AFP", "agence france presse": "AFP",
        "interfax": "Interfax", "interfax-ukraine": "Interfax-Ukraine",
        "xinhua": "Xinhua", "ukrinform": "Ukrinform", "unian": "UNIAN", "sputnik": "Sputnik",
        "belta": "BelTA", "anadolu": "Anadolu Agency", "anadolu agency": "Anadolu Agency", "aa": "Anadolu Agency",
        "yonhap": "Yonhap", "kyodo": "Kyodo", "irna": "IRNA", "dpa": "dpa", "ansa": "ANSA", "efe": "EFE",
        "pti": "PTI", "upi": "UPI", "bloomberg": "Bloomberg", "ukrinform news": "Ukrinform",
    ]

    /// The canonical name of a known agency, or nil.
    static func known<S: StringProtocol>(_ spelling: S) -> String? {
        canonical[spelling.lowercased()]
    }

    /// AP-style and postal abbreviations of US states as used in datelines (`Pa.`, `Calif.`).
    static let usStates: [String: String] = [
        "ala": "Alabama", "ariz": "Arizona", "ark": "Arkansas", "calif": "California", "colo": "Colorado",
        "conn": "Connecticut", "del": "Delaware", "fla": "Florida", "ga": "Georgia", "ill": "Illinois",
        "ind": "Indiana", "kan": "Kansas", "kans": "Kansas", "ky": "Kentucky", "la": "Louisiana", "md": "Maryland",
        "mass": "Massachusetts", "mich": "Michigan", "minn": "Minnesota", "miss": "Mississippi", "mo": "Missouri",
        "mont": "Montana", "neb": "Nebraska", "nebr": "Nebraska", "nev": "Nevada", "n.h": "New Hampshire",
        "n.j": "New Jersey", "n.m": "New Mexico", "n.y": "New York", "n.c": "North Carolina", "n.d": "North Dakota",
        "okla": "Oklahoma", "ore": "Oregon", "pa": "Pennsylvania", "r.i": "Rhode Island", "s.c": "South Carolina",
        "s.d": "South Dakota", "tenn": "Tennessee", "vt": "Vermont", "va": "Virginia", "wash": "Washington State",
        "w.va": "West Virginia", "wis": "Wisconsin", "wyo": "Wyoming", "d.c": "District of Columbia",
    ]
}
