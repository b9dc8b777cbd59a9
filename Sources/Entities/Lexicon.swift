/// Bit flags of a folded word in the lexicon, looked up once per token (`Token.lex`).
enum Lex {
    static let functionWords: UInt32 = 1 << 0
    static let months: UInt32 = 1 << 1
    static let weekdays: UInt32 = 1 << 2
    static let nationalities: UInt32 = 1 << 3
    static let titles: UInt32 = 1 << 4
    static let personalTitles: UInt32 = 1 << 5
    static let nonPersonWords: UInt32 = 1 << 6
    static let speechVerbs: UInt32 = 1 << 7
    static let connectors: UInt32 = 1 << 8
    static let suffixes: UInt32 = 1 << 9
    static let pronouns: UInt32 = 1 << 10
    static let roleNouns: UInt32 = 1 << 11
    static let sentenceWords: UInt32 = 1 << 12
    static let titleAbbreviations: UInt32 = 1 << 13
    static let sentenceOpeners: UInt32 = 1 << 14
    static let givenName: UInt32 = 1 << 15
    /// Keeps a following full stop (`Lexicon.abbreviations`); only the tokenizer reads it, and
    /// leaves it out of `Token.lex`.
    static let abbreviations: UInt32 = 1 << 16
}

/// Word lists used by detection. Every entry is a folded key (lower-case ASCII, no
/// punctuation), as produced by `Tokenizer`.
enum Lexicon {
    static func set(_ words: String) -> Set<String> {
        Set(words.split(whereSeparator: { $0 == " " || $0 == "\n" }).map { Fold.key($0) })
    }

    /// Words that keep a following full stop: `Mr.`, `Jr.`, `Gen.`, `Pa.`.
    static let abbreviations = set("""
        mr mrs ms dr jr sr st gen lt col sen rep reps gov rev prof mt ft capt sgt maj adm cmdr hon messrs
        corp inc co ltd no vs jan feb mar apr aug sep sept oct nov dec ed pa calif mass fla ga ky va tenn
        ariz ala conn colo ill ind kan md mich minn miss mo mont neb nev okla ore wash wis wyo del
        """)

    /// Abbreviations that are titles and never end a sentence.
    static let titleAbbreviations = set("mr mrs ms dr gen lt col sen rep gov rev prof capt sgt maj adm cmdr hon st")

    /// Capitalized words that typically open a sentence (used to split after `U.S.` and the like).
    static let sentenceOpeners = set("""
        the a an he she it they we i this that these those his her their its our but and or so yet
        in on at for after before when while if as however meanwhile also there then
        """)

    /// Words that are never part of a person's name, even when capitalized.
    static let functionWords = set("""
        the a an and or but nor so yet for of in on at to from by with without about above after before
        against among around as into like near over since through under until upon within via per than
        he she it they we i you me him her them us his hers its their theirs our ours your my mine
        this that these those who whom whose which what where when why how there here then now
        is are was were be been being am do does did done have has had having will would shall should
        can could may might must not no yes all any both each every few more most other some such only
        own same too very just also even still already again ever never always often once
        if unless because although though while whereas whether either neither
        one two three four five six seven eight nine ten first second third last next
        mr mrs ms dr
        despite during following including according amid unlike besides regarding
        however meanwhile moreover furthermore nevertheless thus hence therefore instead otherwise
        asked speaking earlier later today yesterday tomorrow tonight
        """)

    static let months = set("january february march april may june july august september october november december")
    static let weekdays = set("monday tuesday wednesday thursday friday saturday sunday")

    /// Nationalities and similar adjectives: never a name, and a qualifier before a title.
    static let nationalities = set("""
        american russian ukrainian chinese british english french german italian spanish japanese korean
        indian pakistani afghan iranian iraqi syrian turkish saudi israeli palestinian egyptian
        european asian african western eastern northern southern soviet belarusian polish
        canadian mexican cuban peruvian brazilian argentine argentinian venezuelan colombian chilean
        australian dutch belgian swiss austrian swedish norwegian danish finnish estonian latvian lithuanian
        hungarian romanian bulgarian serbian croatian greek georgian armenian azerbaijani kazakh uzbek
        moroccan algerian tunisian libyan sudanese ethiopian kenyan nigerian south vietnamese thai
        filipino indonesian malaysian singaporean qatari emirati kuwaiti bahraini omani yemeni jordanian
        lebanese kurdish north arab muslim christian jewish catholic democratic republican democrat
        communist conservative liberal socialist labour labor independent republicans democrats
        kremlin federal national international presidential
        """)

    /// Titles and role words that may stand before a name: `President`, `Foreign Minister`, `aide`.
    static let titles = set("""
        president vice prime minister secretary senator representative congressman congresswoman
        governor mayor ambassador envoy chancellor king queen prince princess pope cardinal archbishop
        bishop rabbi imam sheikh emir crown judge justice chairman chairwoman chair director spokesman
        spokeswoman spokesperson speaker leader chief commander general lieutenant colonel major captain
        admiral sergeant officer deputy acting former ex foreign defense defence interior finance
        trade commerce treasury state press communications security adviser advisor aide counselor
        coordinator head minister premier delegate lawmaker legislator attorney lawyer analyst
        economist professor prof dr mr mrs ms sir dame lord lady sen rep gov gen lt col capt sgt adm
        associate assistant executive ceo founder owner partner candidate nominee incumbent
        member official diplomat negotiator counterpart host correspondent reporter researcher
        fellow expert scholar author consultant strategist pollster activist businessman businesswoman
        tycoon billionaire investor banker economist general secretarygeneral lieutenantgeneral
        majorgeneral brigadier marshal inspector prosecutor investigator counsel solicitor
        superintendent commissioner chancellor provost dean principal president-elect presidentelect
        republican democrat democratic senior junior top veteran military army navy police union
        majority minority whip administrator administrators senators representatives misters congressmen
        draftee veteran commissioner staff governors presidents ministers secretaries ambassadors judges
        """)

    /// Titles that alone make a following capitalized word a person's name: `Mr. Kugelman`, `Pope Francis`.
    static let personalTitles = set("""
        mr mrs ms dr sir dame lord lady president pope cardinal king queen prince princess senator sen
        rep representative congressman congresswoman governor gov general gen lieutenantgeneral
        majorgeneral chancellor secretary minister ambassador judge justice sheikh emir rabbi archbishop
        bishop prof professor admiral adm colonel col captain capt sergeant sgt mayor
        """)

    /// Words that end a name run and show it is an organization, place or thing.
    static let nonPersonWords = set("""
        inc corp co ltd llc plc company corporation group holdings bank fund foundation trust institute
        university college school academy council party committee commission department ministry
        agency association union federation organization organisation office service services bureau
        board authority court house senate congress parliament assembly government administration
        force forces army navy airforce guard police military command corps brigade
        news times post journal tribune herald gazette daily weekly press radio tv television network
        magazine review channel media
        street avenue road square bridge river sea ocean lake island islands mountain mountains valley
        county city state states province region oblast district republic kingdom empire coast bay gulf
        peninsula airport port station center centre hall tower palace building church cathedral mosque
        act accord agreement treaty plan program programme initiative strategy doctrine law
        day war summit games cup award prize festival conference forum talks dialogue process
        club league team airlines airways motors energy oil gas petroleum steel technologies systems
        capital partners research policy project studies affairs relations reform rights
        falls springs heights park hills rapids creek harbor harbour village town county
        boulevard lane drive papers election elections campaign primary caucus
        """)

    /// Verbs that report speech or statements.
    static let speechVerbs = set("""
        said says say told tells tell added adds stressed stresses noted  explained explains
        stated  declared declares announced announces argued argues asserted asserts claimed 
        insisted insists warned warns urged urges replied replies responded responds continued continues
        wrote writes tweeted  remarked  commented  emphasized emphasised emphasizes
        underscored underscores specified specifies recalled recalls acknowledged acknowledges admitted
        admits suggested suggests predicted predicts promised promises pledged pledges vowed vows
        complained complains conceded concedes confirmed confirms denied denies repeated repeats
        observed observes pointed reiterated reiterates assured assures    
        cautioned cautions countered counters quipped joked asked asks answered answers saying telling
        adding stressing noting explaining warning urging     
        """)

    /// Lowercase words that may sit inside a name: `bin`, `de`, `van`.
    static let connectors = set("bin ibn al el de da di del della dos das du van von der den la le ter")

    /// Name suffixes: `Jr.`, `III`.
    static let suffixes = set("jr sr ii iii iv")

    static let pronouns = set("he she")

    /// Role nouns that refer back to a named speaker: `the director`, `the American official`.
    static let roleNouns = set("""
        spokesman spokeswoman spokesperson official director secretary minister president diplomat
        envoy ambassador aide adviser advisor coordinator chief leader senator lawmaker representative
        governor chancellor premier counterpart analyst lawyer attorney general head pope pontiff
        """)

    /// Words a sentence may open with that never start a name.
    static let sentenceWords = set("""
        asked according speaking unlike despite among although however meanwhile after before since
        late early earlier later last next several some many most more nearly about around
        """)

    /// Every lexicon word with its `Lex` flags: one dictionary lookup per token.
    static let flags: [String: UInt32] = {
        var out: [String: UInt32] = [:]
        let lists: [(Set<String>, UInt32)] = [
            (Lexicon.functionWords, Lex.functionWords),
            (Lexicon.months, Lex.months),
            (Lexicon.weekdays, Lex.weekdays),
            (Lexicon.nationalities, Lex.nationalities),
            (Lexicon.titles, Lex.titles),
            (Lexicon.personalTitles, Lex.personalTitles),
            (Lexicon.nonPersonWords, Lex.nonPersonWords),
            (Lexicon.speechVerbs, Lex.speechVerbs),
            (Lexicon.connectors, Lex.connectors),
            (Lexicon.suffixes, Lex.suffixes),
            (Lexicon.pronouns, Lex.pronouns),
            (Lexicon.roleNouns, Lex.roleNouns),
            (Lexicon.sentenceWords, Lex.sentenceWords),
            (Lexicon.titleAbbreviations, Lex.titleAbbreviations),
            (Lexicon.sentenceOpeners, Lex.sentenceOpeners),
            (GivenNames.names, Lex.givenName),
        ]
        for (words, flag) in lists { for w in words { out[w, default: 0] |= flag } }
        return out
    }()

    /// `flags`, with `Lex.abbreviations` for `abbreviations`, in a table probed with the
    /// tokenizer's key hashes.
    static let table: FoldedKeyTable<UInt32> = {
        var table = FoldedKeyTable<UInt32>()
        for (word, flags) in flags.sorted(by: { $0.key < $1.key }) { table.set(word, flags) }
        for word in abbreviations.sorted() { table.set(word, Lex.abbreviations) { $0 |= Lex.abbreviations } }
        return table
    }()
}
