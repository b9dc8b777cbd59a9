/// Accented and special Latin letters used in names, folded to lower-case ASCII
/// (`Ç` → `c`, `ß` → `ss`): one table for slugs and for name matching.
public enum LatinFold {
    public static let ascii: [UInt32: String] = {
        var map: [UInt32: String] = [:]
        let groups: [(String, String)] = [
            ("ÀÁÂÃÄÅàáâãäåĀāĂăĄą", "a"), ("ÇçĆćĈĉĊċČč", "c"), ("ĎďĐđÐð", "d"),
            ("ÈÉÊËèéêëĒēĔĕĖėĘęĚě", "e"), ("ĜĝĞğĠġĢģ", "g"), ("ĤĥĦħ", "h"),
            ("ÌÍÎÏìíîïĨĩĪīĬĭĮįİı", "i"), ("Ĵĵ", "j"), ("Ķķ", "k"), ("ĹĺĻļĽľĿŀŁł", "l"),
            ("ÑñŃńŅņŇň", "n"), ("ÒÓÔÕÖØòóôõöøŌōŎŏŐő", "o"), ("ŔŕŖŗŘř", "r"),
            ("ŚśŜŝŞşŠšȘș", "s"), ("ŢţŤťȚț", "t"), ("ÙÚÛÜùúûüŨũŪūŬŭŮůŰűŲų", "u"),
            ("Ŵŵ", "w"), ("ÝýÿŶŷŸ", "y"), ("ŹźŻżŽž", "z"),
            ("ß", "ss"), ("ÆæǼǽ", "ae"), ("Œœ", "oe"), ("Þþ", "th"),
        ]
        for (letters, base) in groups {
            for s in letters.unicodeScalars { map[s.value] = base }
        }
        return map
    }()

    /// The same table as UTF-8 bytes, for byte-level scanners.
    public static let asciiBytes: [UInt32: [UInt8]] = ascii.mapValues { Array($0.utf8) }
}
