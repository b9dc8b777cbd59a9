import ParleyCore

/// A small built-in list of world places and common organizations, so that detection knows
/// `Kyiv`, `Sioux Falls` or `Twitter` are not people even with an empty registry.
/// Registry entries win over these when both name the same spelling.
enum Gazetteer {
    static let places: [NamedEntity] = parse("""
        Afghanistan; Albania; Algeria; Andorra; Angola; Argentina; Armenia; Australia; Austria; Azerbaijan
        Bahamas; Bahrain; Bangladesh; Barbados; Belarus; Belgium; Belize; Benin; Bhutan; Bolivia
        Bosnia|Bosnia and Herzegovina; Botswana; Brazil; Brunei; Bulgaria; Burkina Faso; Burundi; Cambodia; Cameroon; Canada
        Chad; Chile; China|People's Republic of China|mainland China; Colombia; Comoros; Congo|Democratic Republic of Congo|Democratic Republic of the Congo; Costa Rica; Croatia; Cuba; Cyprus
        Czech Republic|Czechia; Denmark; Djibouti; Dominica; Dominican Republic; Ecuador; Egypt; El Salvador; Eritrea; Estonia
        Eswatini|Swaziland; Ethiopia; Fiji; Finland; France; Gabon; Gambia; Georgia; Germany; Ghana; Greece; Grenada
        Guatemala; Guinea; Guyana; Haiti; Honduras; Hungary; Iceland; India; Indonesia; Iran; Iraq; Ireland; Israel; Italy
        Ivory Coast|Cote d'Ivoire; Jamaica; Japan; Jordan; Kazakhstan; Kenya; Kosovo; Kuwait; Kyrgyzstan; Laos; Latvia
        Lebanon; Lesotho; Liberia; Libya; Liechtenstein; Lithuania; Luxembourg; Madagascar; Malawi; Malaysia; Maldives
        Mali; Malta; Mauritania; Mauritius; Mexico; Moldova; Monaco; Mongolia; Montenegro; Morocco; Mozambique; Myanmar|Burma
        Namibia; Nepal; Netherlands|the Netherlands|Holland; New Zealand; Nicaragua; Niger; Nigeria; North Korea|DPRK
        North Macedonia|Macedonia; Norway; Oman; Pakistan; Palestine|Palestinian territories; Panama; Papua New Guinea; Paraguay; Peru
        Philippines|the Philippines; Poland; Portugal; Qatar; Romania; Russia|Russian Federation; Rwanda; Saudi Arabia; Senegal; Serbia
        Seychelles; Sierra Leone; Singapore; Slovakia; Slovenia; Somalia; South Africa; South Korea|Republic of Korea; South Sudan
        Spain; Sri Lanka; Sudan; Suriname; Sweden; Switzerland; Syria; Taiwan; Tajikistan; Tanzania; Thailand; Togo
        Trinidad and Tobago; Tunisia; Turkey|Türkiye; Turkmenistan; Uganda; Ukraine; United Arab Emirates|UAE
        United Kingdom|UK|U.K.|Britain|Great Britain; United States|U.S.|US|USA|U.S.A.|the United States|America|United States of America
        Uruguay; Uzbekistan; Vatican|Vatican City|Holy See; Venezuela; Vietnam|Viet Nam; Yemen; Zambia; Zimbabwe
        Europe; Asia; Africa; Latin America; South America; North America; Middle East; Gulf; Scandinavia; Balkans; Caucasus
        Crimea; Donbas|Donbass; Kosovo; Gaza|Gaza Strip; West Bank; Kashmir; Tibet; Xinjiang; Hong Kong; Macau; Chechnya; Siberia
        England; Scotland; Wales; Northern Ireland
        Kabul; Tirana; Algiers; Buenos Aires; Yerevan; Canberra; Sydney; Melbourne; Vienna; Baku; Manama; Dhaka; Minsk; Brussels
        Brasilia; Sao Paulo; Rio de Janeiro; Sofia; Phnom Penh; Ottawa; Toronto; Montreal; Vancouver; Santiago; Beijing|Peking; Shanghai
        Guangzhou; Shenzhen; Bogota; Havana; Nicosia; Prague; Copenhagen; Quito; Cairo; Tallinn; Addis Ababa; Helsinki; Paris
        Tbilisi; Berlin; Munich; Frankfurt; Hamburg; Accra; Athens; Budapest; Reykjavik; New Delhi|Delhi; Mumbai; Jakarta; Tehran
        Baghdad; Dublin; Jerusalem; Tel Aviv; Rome; Milan; Tokyo; Osaka; Amman; Astana; Nur-Sultan; Almaty; Nairobi; Pristina
        Kuwait City; Bishkek; Riga; Beirut; Tripoli; Vilnius; Luxembourg; Kuala Lumpur; Mexico City; Chisinau; Ulaanbaatar
        Podgorica; Rabat; Casablanca; Kathmandu; Amsterdam; The Hague; Wellington; Managua; Abuja; Lagos; Pyongyang; Oslo; Muscat
        Islamabad; Karachi; Lahore; Panama City; Lima; Manila; Warsaw; Lisbon; Doha; Bucharest; Moscow; Saint Petersburg|St. Petersburg
        Kigali; Riyadh; Jeddah; Khobar; Dakar; Belgrade; Bratislava; Ljubljana; Mogadishu; Pretoria; Johannesburg; Cape Town; Seoul
        Madrid; Barcelona; Colombo; Khartoum; Stockholm; Bern; Geneva; Zurich; Davos; Damascus; Aleppo; Taipei; Dushanbe; Bangkok
        Tunis; Ankara; Istanbul; Ashgabat; Kampala; Kyiv|Kiev; Kharkiv|Kharkov; Odesa|Odessa; Lviv; Dnipro; Mariupol; Kherson
        Zaporizhzhia|Zaporozhye; Donetsk; Luhansk|Lugansk; Chernihiv; Bucha; Abu Dhabi; Dubai; London; Manchester; Edinburgh
        Montevideo; Tashkent; Caracas; Hanoi; Ho Chi Minh City; Danang|Da Nang; Sanaa; Lusaka; Harare; Sochi; Kaliningrad; Kursk
        Belgorod; Rostov; Minsk; Gomel; Vladivostok; Strasbourg; Hiroshima; Okinawa; Guam; Puerto Rico; Mosul; Raqqa; Idlib
        Hiroshima; Marseille; Lyon; Naples; Venice; Florence; Krakow; Gdansk
        Alabama; Alaska; Arizona; Arkansas; California; Colorado; Connecticut; Delaware; Florida; Hawaii; Idaho; Illinois
        Indiana; Iowa; Kansas; Kentucky; Louisiana; Maine; Maryland; Massachusetts; Michigan; Minnesota; Mississippi; Missouri
        Montana; Nebraska; Nevada; New Hampshire; New Jersey; New Mexico; New York|New York City|NYC; North Carolina; North Dakota
        Ohio; Oklahoma; Oregon; Pennsylvania; Rhode Island; South Carolina; South Dakota; Tennessee; Texas; Utah; Vermont
        Virginia; Washington|Washington, D.C.|Washington DC|D.C.; West Virginia; Wisconsin; Wyoming
        Los Angeles; San Francisco; Chicago; Houston; Dallas; Austin; Phoenix; Philadelphia; Boston; Seattle; Miami; Atlanta
        Detroit; Denver; Las Vegas; San Diego; Baltimore; New Orleans; Pittsburgh; Cleveland; Minneapolis; St. Louis; Nashville
        Sioux Falls; Birmingham; Montgomery; Richmond; Norfolk; Newport News; Palm Beach; Mar-a-Lago; Manhattan; Brooklyn
        Silicon Valley; Wall Street; Capitol Hill; Katy; Lower Merion; Camp David; Florida Keys
        Pacific; Atlantic; Arctic; Mediterranean; Black Sea; Baltic; Baltic Sea; Red Sea; South China Sea; East China Sea
        Persian Gulf; Gulf of Mexico; Strait of Hormuz; Korean Peninsula; Sea of Azov; Dnieper|Dnipro River
        """)

    static let organizations: [NamedEntity] = parse("""
        United Nations|UN|U.N.; UN Security Council|U.N. Security Council|United Nations Security Council|Security Council
        UN General Assembly|U.N. General Assembly|General Assembly; NATO; European Union|EU; European Commission
        European Parliament; European Central Bank|ECB; World Bank; International Monetary Fund|IMF
        World Trade Organization|WTO; World Health Organization|WHO; OPEC; G7|G-7|Group of Seven; G20|G-20|Group of 20
        Asia-Pacific Economic Cooperation|APEC; ASEAN; African Union; Arab League; OSCE; IAEA; Interpol
        International Criminal Court|ICC; International Court of Justice
        White House; Kremlin|the Kremlin; Pentagon|the Pentagon; State Department|U.S. State Department|Department of State
        Defense Department|Department of Defense; Justice Department|Department of Justice; Treasury|Treasury Department
        Commerce Department; Homeland Security|Department of Homeland Security; Energy Department; Congress|U.S. Congress
        Senate|U.S. Senate; House of Representatives|U.S. House of Representatives; House of Delegates; Supreme Court|U.S. Supreme Court
        FBI; CIA; NSA; National Security Council|NSC; Federal Reserve|Fed; Secret Service; Environmental Protection Agency|EPA
        Republican Party|GOP; Democratic Party; Republican National Committee|RNC; Democratic National Committee|DNC
        Senate Intelligence Committee; House Intelligence Committee; Senate Judiciary Committee; House Judiciary Committee
        Senate Foreign Relations Committee; House Oversight Committee; Congressional Budget Office
        Reuters; Associated Press|AP; Agence France-Presse|AFP; Bloomberg; TASS|ITAR-TASS; RIA Novosti; Interfax; Xinhua
        ABC News|ABC; CBS News|CBS; NBC News|NBC; CNN; Fox News|Fox; MSNBC; BBC; Al Jazeera; New York Times; Washington Post
        Wall Street Journal; Financial Times; The Guardian; Politico; Axios; China Daily; Global Times; People's Daily; Kyodo
        Yonhap; Sputnik; RT; Ukrinform; Kommersant; Izvestia; Dow Jones
        Twitter; Facebook; Google; Apple; Microsoft; Amazon; Meta; Instagram; YouTube; Telegram; WhatsApp; TikTok; Tesla
        Boeing; Lockheed Martin; Exxon|ExxonMobil|Exxon Mobil; Chevron; Gazprom; Rosneft; Aramco|Saudi Aramco; Goldman Sachs
        JPMorgan; Uber; Huawei; Alibaba; Tencent; Samsung; Toyota; General Motors; Ford; Walmart
        Taliban; Hamas; Hezbollah; Islamic State|ISIS|ISIL; al Qaeda|al-Qaeda|Al Qaeda; Haqqani network; Wagner|Wagner Group
        Kremlin; Duma|State Duma; Verkhovna Rada|Rada; Bundestag; Politburo; Communist Party; Labour Party; Conservative Party
        Foreign Ministry; Defence Ministry|Defense Ministry; Interior Ministry; Finance Ministry; Foreign Office
        Vatican; Holy See; Red Cross|International Committee of the Red Cross|ICRC; Amnesty International; Human Rights Watch
        Harvard|Harvard University; Yale; Stanford; MIT; Oxford; Cambridge; Tsinghua University; Brookings Institution
        Council on Foreign Relations; Heritage Foundation; Atlantic Council; Woodrow Wilson Center|Wilson Center
        Air Force One; Air Force; Navy; Army; Marine Corps; Coast Guard; National Guard
        """)

    private static func parse(_ text: String) -> [NamedEntity] {
        var out: [NamedEntity] = []
        for line in text.split(separator: "\n") {
            for item in line.split(separator: ";") {
                let names = item.split(separator: "|").map { $0.trimmed }.filter { !$0.isEmpty }
                guard let first = names.first else { continue }
                out.append(NamedEntity(name: first, aliases: Array(names.dropFirst())))
            }
        }
        return out
    }
}
