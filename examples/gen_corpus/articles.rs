//! Article templates and the generator, shared by the `gen_corpus` example
//! and the benchmarks (`benches/pipeline.rs`).

use std::fmt::Write as _;

/// splitmix64: tiny, fast, and good enough for test data.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (n > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next() % (hi - lo + 1)
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

// ------------------------------------------------------------------ data

/// How an outlet marks its articles.
enum Mark {
    /// "KYIV, Nov. 5 (Reuters) —"
    Dateline(&'static str),
    /// A "Credit: ABC News" line under the first paragraph.
    Credit(&'static str),
    /// Nothing names the outlet.
    None,
}

const OUTLETS: &[Mark] = &[
    Mark::Dateline("Reuters"),
    Mark::Dateline("UPI"),
    Mark::Dateline("AP"),
    Mark::Dateline("AFP"),
    Mark::Dateline("Yonhap"),
    Mark::Credit("ABC News"),
    Mark::Credit("CNN"),
    Mark::Credit("Al Jazeera"),
    Mark::None,
    Mark::None,
];

const MONTHS: &[&str] = &[
    "Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.",
    "Dec.",
];

/// A recurring event: where, who speaks, what is counted, what is said.
struct Event {
    place: &'static str,
    country: &'static str,
    topic: &'static str,
    /// Headlines with `{N}` for the event's key figure.
    headlines: &'static [&'static str],
    /// (name, role) of the people who speak.
    speakers: &'static [(&'static str, &'static str)],
    /// Institutions that are "according to" sources.
    bodies: &'static [&'static str],
    /// The key figure and what it counts.
    key: u64,
    noun: &'static str,
    /// The lead's predicate, `{K}` the key figure as one outlet reports it.
    lead: &'static str,
    /// Statements quoted across outlets; `{a|b}` picks a variant per article.
    statements: &'static [&'static str],
}

const EVENTS: &[Event] = &[
    Event {
        place: "KYIV",
        country: "Ukraine",
        topic: "North Korean deployment",
        lead: "involves {K} sent to the front",
        headlines: &[
            "Ukraine says it fought North Korean troops for first time",
            "Kyiv reports first clashes with North Korean soldiers in Kursk",
            "Up to {N} North Korean troops now in Russia, officials say",
        ],
        speakers: &[
            ("Volodymyr Zelensky", "President"),
            ("Rustem Umerov", "Defense Minister"),
            ("Andrii Kovalenko", "official"),
        ],
        bodies: &[
            "the Pentagon",
            "South Korea's spy agency",
            "the State Department",
        ],
        key: 11_000,
        noun: "troops",
        statements: &[
            "The first battles with North Korean soldiers open a new {chapter|page} of instability in the world",
            "We {must|have to} do everything to make this step a failure",
            "We are identifying clashes with North Korean forces, but we believe there will be more fighting in the {next|coming} few weeks",
        ],
    },
    Event {
        place: "GENEVA",
        country: "Switzerland",
        topic: "climate finance talks",
        lead: "center on {K} a year for poorer nations",
        headlines: &[
            "Climate talks stall over ${N} billion finance goal",
            "Rich nations offer new climate money as talks drag on",
            "Negotiators split over climate fund in Geneva",
        ],
        speakers: &[
            ("Maria Fernandes", "chief negotiator"),
            ("Li Wei", "delegate"),
            ("Samuel Okoro", "Environment Minister"),
        ],
        bodies: &["the United Nations", "the World Bank", "Oxfam"],
        key: 300,
        noun: "billion dollars",
        statements: &[
            "This is not the deal the {world|planet} needs, but it is a deal we can build on",
            "Developing countries cannot {wait|afford to wait} another decade for the money",
            "Every fraction of a degree {matters|counts} for the people on the front line",
        ],
    },
    Event {
        place: "ISTANBUL",
        country: "Turkey",
        topic: "earthquake",
        lead: "has killed {K}",
        headlines: &[
            "Strong earthquake kills at least {N} in southern Turkey",
            "Rescuers search rubble after deadly quake",
            "Death toll rises after magnitude 6.8 earthquake",
        ],
        speakers: &[
            ("Ahmet Yilmaz", "Interior Minister"),
            ("Elif Demir", "rescue coordinator"),
            ("Mehmet Kaya", "Mayor"),
        ],
        bodies: &[
            "the disaster agency",
            "the Red Crescent",
            "the health ministry",
        ],
        key: 214,
        noun: "people",
        statements: &[
            "We are racing against time to reach people {trapped|stuck} under the rubble",
            "Our teams are working {day and night|around the clock} in freezing conditions",
            "The number of dead is {likely|expected} to rise as we reach the villages",
        ],
    },
    Event {
        place: "BRUSSELS",
        country: "Belgium",
        topic: "energy price cap",
        lead: "sets the limit at {K}",
        headlines: &[
            "EU agrees gas price cap after months of wrangling",
            "Energy ministers back {N} euro cap on gas price",
            "Europe sets limit on gas prices",
        ],
        speakers: &[
            ("Kadri Simson", "Energy Commissioner"),
            ("Jozef Sikela", "Industry Minister"),
            ("Annika Berg", "analyst"),
        ],
        bodies: &[
            "the European Commission",
            "Eurostat",
            "the International Energy Agency",
        ],
        key: 180,
        noun: "euros per megawatt hour",
        statements: &[
            "Today we {showed|proved} that Europe can act together when it matters",
            "The cap is a {safety net|safeguard}, not a permanent intervention in the market",
            "Households will feel the difference {this winter|in the coming months}",
        ],
    },
    Event {
        place: "NAIROBI",
        country: "Kenya",
        topic: "floods",
        lead: "have displaced {K}",
        headlines: &[
            "Floods displace {N} people across Kenya",
            "Heavy rains leave dozens dead in East Africa",
            "Kenya declares disaster as rivers burst their banks",
        ],
        speakers: &[
            ("Kithure Kindiki", "Interior Minister"),
            ("Grace Wanjiru", "Red Cross spokeswoman"),
            ("David Mwangi", "county governor"),
        ],
        bodies: &[
            "the Kenya Red Cross",
            "the meteorological department",
            "UNICEF",
        ],
        key: 40_000,
        noun: "people",
        statements: &[
            "We have never seen water levels {like this|this high} in our lifetime",
            "Families need {clean water|safe drinking water} and shelter before anything else",
            "The rains are expected to continue until the {end|close} of the month",
        ],
    },
    Event {
        place: "WASHINGTON",
        country: "United States",
        topic: "budget deal",
        lead: "provides {K} in spending",
        headlines: &[
            "Congress passes ${N} billion spending bill, averting shutdown",
            "Lawmakers strike last-minute budget deal",
            "Senate approves stopgap funding measure",
        ],
        speakers: &[
            ("Chuck Schumer", "Senate Majority Leader"),
            ("Mike Johnson", "House Speaker"),
            ("Karine Jean-Pierre", "White House press secretary"),
        ],
        bodies: &[
            "the Congressional Budget Office",
            "the Treasury",
            "the White House",
        ],
        key: 1_200,
        noun: "billion dollars",
        statements: &[
            "This agreement keeps the government {open|running} and protects working families",
            "Nobody got everything they wanted, and that is what a {compromise|deal} looks like",
            "We will not {accept|tolerate} another crisis like this in the spring",
        ],
    },
    Event {
        place: "SEOUL",
        country: "South Korea",
        topic: "missile launch",
        lead: "saw a missile fly {K}",
        headlines: &[
            "North Korea fires ballistic missile into sea",
            "Missile flew about {N} kilometers before splashdown, Seoul says",
            "Seoul and Tokyo condemn North Korean launch",
        ],
        speakers: &[
            ("Lee Sung-joon", "Joint Chiefs spokesman"),
            ("Yoshimasa Hayashi", "Chief Cabinet Secretary"),
            ("Shin Won-sik", "Defense Minister"),
        ],
        bodies: &[
            "the Joint Chiefs of Staff",
            "Japan's defense ministry",
            "the U.S. military",
        ],
        key: 1_000,
        noun: "kilometers",
        statements: &[
            "The launch is a clear {violation|breach} of Security Council resolutions",
            "Our military is maintaining full readiness in close {coordination|cooperation} with the United States",
            "We strongly condemn this {provocation|reckless act}",
        ],
    },
    Event {
        place: "SAO PAULO",
        country: "Brazil",
        topic: "Amazon deforestation",
        lead: "fell by {K} in a year",
        headlines: &[
            "Amazon deforestation falls {N}% in a year",
            "Brazil reports sharp drop in forest clearing",
            "Satellite data show slower Amazon losses",
        ],
        speakers: &[
            ("Marina Silva", "Environment Minister"),
            ("Carlos Nobre", "climate scientist"),
            ("Ana Souza", "researcher"),
        ],
        bodies: &[
            "the space research institute",
            "Greenpeace",
            "the federal police",
        ],
        key: 22,
        noun: "percent",
        statements: &[
            "The numbers show that {enforcement|policing} works when there is political will",
            "We are still losing an area the size of a {city|small city} every month",
            "Zero deforestation by 2030 is {ambitious|difficult} but possible",
        ],
    },
];

const FIRST_NAMES: &[&str] = &[
    "John", "Sarah", "Ahmed", "Mei", "Olga", "Pedro", "Fatima", "James", "Yuki", "Ivan",
];
const LAST_NAMES: &[&str] = &[
    "Smith", "Kim", "Hassan", "Novak", "Garcia", "Tanaka", "Petrov", "Okafor", "Brown", "Rossi",
];
const MEDIA: &[&str] = &[
    "KBS",
    "the BBC",
    "Reuters",
    "CNN",
    "a press conference",
    "reporters",
];

const HEDGES: &[&str] = &[
    "more than ",
    "up to ",
    "an estimated ",
    "about ",
    "at least ",
    "nearly ",
    "some ",
    "roughly ",
    "",
    "",
    "",
];

const NUMBER_WORDS: &[&str] = &[
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "twelve",
    "15",
    "dozens of",
    "hundreds of",
    "two dozen",
];

const CHROME_TOP: &[&str] = &[
    "Subscribe",
    "Checkout",
    "Cart: $0.00 - (0 items )",
    "Skip to main content",
    "Advertisement",
];
const CHROME_BOTTOM: &[&str] = &[
    "Back to top",
    "Write a Reply or Comment:",
    "Please enter your comment!",
    "Share this article",
    "Sign up for our daily newsletter",
    "Loading…",
    "More Articles",
    "12 Comments",
];

// -------------------------------------------------------------- builders

/// Fills `{a|b}` choices in a template.
fn variant(rng: &mut Rng, template: &str) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let close = open + rest[open..].find('}').expect("closed choice");
        let choices: Vec<&str> = rest[open + 1..close].split('|').collect();
        let i = rng.below(choices.len());
        out.push_str(choices[i]);
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    out
}

fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The event's key figure, as one outlet reports it (give or take).
fn key_figure(rng: &mut Rng, e: &Event) -> String {
    let spread = [90, 100, 100, 100, 110, 120];
    let n = e.key * spread[rng.below(spread.len())] / 100;
    let hedge = rng.pick(HEDGES);
    match e.noun {
        "billion dollars" => format!("{hedge}${} billion", grouped(n)),
        "percent" => {
            if rng.chance(50) {
                format!("{hedge}{n}%")
            } else {
                format!("{hedge}{n} percent")
            }
        }
        "kilometers" => {
            if rng.chance(50) {
                format!("{hedge}{} kilometers", grouped(n))
            } else {
                format!("{hedge}{} miles", grouped(n * 62 / 100))
            }
        }
        noun => format!("{hedge}{} {noun}", grouped(n)),
    }
}

#[derive(Clone, Copy)]
enum Kind {
    Count,
    Money,
    Percent,
    Distance,
    Duration,
}

/// A random figure of one kind, in digits or words, often hedged, sometimes
/// a range.
fn figure(rng: &mut Rng, kind: Kind) -> String {
    let hedge = rng.pick(HEDGES);
    match kind {
        Kind::Count => match rng.below(4) {
            0 => format!(
                "{hedge}{} {}",
                grouped(rng.range(2, 90_000)),
                rng.pick(&["people", "residents", "soldiers", "workers"])
            ),
            1 => format!(
                "between {} and {} {}",
                grouped(rng.range(10, 500) * 10),
                grouped(rng.range(501, 2000) * 10),
                rng.pick(&["people", "homes", "vehicles", "families"])
            ),
            2 => format!(
                "{hedge}{} {}",
                rng.pick(NUMBER_WORDS),
                rng.pick(&["villages", "schools", "hospitals", "ships", "units"])
            ),
            _ => format!(
                "{hedge}{} million people",
                rng.pick(&["1.2", "two", "3.5", "half a", "four"])
            ),
        },
        Kind::Money => match rng.below(3) {
            0 => format!("{hedge}${}.{} million", rng.range(1, 900), rng.range(1, 9)),
            1 => format!("{hedge}€{} billion", rng.range(1, 90)),
            _ => format!("{hedge}£{}bn", rng.range(1, 40)),
        },
        Kind::Percent => match rng.below(3) {
            0 => format!("{hedge}{}%", rng.range(1, 99)),
            1 => format!("{hedge}{} percent", rng.range(1, 99)),
            _ => format!("{}-{}%", rng.range(1, 9), rng.range(10, 30)),
        },
        Kind::Distance => match rng.below(3) {
            0 => format!("{hedge}{} kilometers", grouped(rng.range(5, 2000))),
            1 => format!("{hedge}{} miles", grouped(rng.range(3, 1500))),
            _ => format!("{hedge}{} km", rng.range(5, 400)),
        },
        Kind::Duration => match rng.below(2) {
            0 => format!("{} to {} days", rng.range(2, 9), rng.range(10, 30)),
            _ => format!("{hedge}{} hours", rng.range(2, 72)),
        },
    }
}

fn person(rng: &mut Rng) -> String {
    format!("{} {}", rng.pick(FIRST_NAMES), rng.pick(LAST_NAMES))
}

/// A quote with one of the attribution styles.
fn quote(rng: &mut Rng, e: &Event, text: &str) -> String {
    let (name, role) = *rng.pick(e.speakers);
    let last = name.rsplit(' ').next().unwrap_or(name);
    match rng.below(6) {
        0 => format!("“{text},” {name} said."),
        1 => format!("“{text},” the {} said.", role.to_lowercase()),
        2 => format!(
            "{} {name} told {} that “{}”.",
            capitalize(role),
            rng.pick(MEDIA),
            lower_first(text)
        ),
        3 => format!("“{text},” {last} said in a statement on {}.", weekday(rng)),
        4 => format!("According to {name}, “{}.”", lower_first(text)),
        _ => format!("“{text},” {name} told {}.", rng.pick(MEDIA)),
    }
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        // Keep "I" and proper names after the quote opens as they are.
        Some(f) if s.starts_with("I ") || s.starts_with("Our") => format!("{f}{}", c.as_str()),
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

fn weekday(rng: &mut Rng) -> &'static str {
    const DAYS: [&str; 7] = [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ];
    DAYS[rng.below(DAYS.len())]
}

/// One body sentence about the event.
fn body_sentence(rng: &mut Rng, e: &Event) -> String {
    let body = *rng.pick(e.bodies);
    let speaker = rng.pick(e.speakers).0;
    match rng.below(12) {
        0 => format!(
            "According to {body}, {} were affected by the {}.",
            figure(rng, Kind::Count),
            e.topic
        ),
        1 => format!(
            "{} told {} that {} had been {} since {}.",
            speaker,
            rng.pick(MEDIA),
            figure(rng, Kind::Count),
            rng.pick(&["reported", "confirmed", "counted", "registered"]),
            weekday(rng)
        ),
        2 => format!(
            "The {} has cost {} so far, {body} said.",
            e.topic,
            figure(rng, Kind::Money)
        ),
        3 => format!(
            "Officials in {} said {} were involved, while {} put the figure at {}.",
            e.country,
            key_figure(rng, e),
            body,
            key_figure(rng, e)
        ),
        4 => format!(
            "{} {} of {} said the situation was {} than expected.",
            rng.pick(&["Analyst", "Researcher", "Professor"]),
            person(rng),
            rng.pick(&[
                "the Carnegie Endowment",
                "King's College London",
                "the Brookings Institution"
            ]),
            rng.pick(&["worse", "more complex", "more fragile"])
        ),
        5 => format!(
            "The area lies {} from the capital, and roads were {}.",
            figure(rng, Kind::Distance),
            rng.pick(&["blocked", "damaged", "closed", "open"])
        ),
        6 => format!(
            "Prices rose by {} in the month after the {}, {} said.",
            figure(rng, Kind::Percent),
            e.topic,
            body
        ),
        7 => format!(
            "It was not possible to independently verify the {} figures.",
            rng.pick(&["official", "latest", "casualty"])
        ),
        8 => format!(
            "The {} began on {} and has drawn {} from across the region.",
            e.topic,
            weekday(rng),
            figure(rng, Kind::Count)
        ),
        9 => format!(
            "{} were {}, {} added.",
            capitalize(&figure(rng, Kind::Count)),
            rng.pick(&["evacuated", "registered", "reported", "deployed"]),
            speaker
        ),
        10 => format!(
            "{} said {} would arrive within {}.",
            speaker,
            figure(rng, Kind::Count),
            figure(rng, Kind::Duration)
        ),
        _ => format!(
            "The U.S. and its allies have {} the {}, Mr. {} noted on {}.",
            rng.pick(&["condemned", "welcomed", "questioned"]),
            e.topic,
            rng.pick(LAST_NAMES),
            weekday(rng)
        ),
    }
}

fn paragraph(rng: &mut Rng, e: &Event) -> String {
    let n = rng.range(1, 4);
    let mut parts = Vec::new();
    for _ in 0..n {
        if rng.chance(30) {
            let template = rng_pick_statement(rng, e);
            let s = variant(rng, template);
            parts.push(quote(rng, e, &s));
        } else {
            parts.push(body_sentence(rng, e));
        }
    }
    parts.join(" ")
}

fn rng_pick_statement(rng: &mut Rng, e: &Event) -> &'static str {
    e.statements[rng.below(e.statements.len())]
}

/// One whole article.
fn article(rng: &mut Rng) -> String {
    // A skewed pick, so some events are covered much more than others.
    let e = &EVENTS[rng.below(EVENTS.len()).min(rng.below(EVENTS.len()))];
    let outlet = rng.pick(OUTLETS);
    let target = rng.range(2000, 7600) as usize;
    let mut out = String::with_capacity(target + 1024);
    if rng.chance(30) {
        for _ in 0..rng.range(1, 2) {
            writeln!(out, "{}", rng.pick(CHROME_TOP)).unwrap();
        }
        out.push('\n');
    }
    let headline = rng
        .pick(e.headlines)
        .replace("{N}", &grouped(e.key * rng.range(9, 11) / 10));
    writeln!(out, "{headline}\n").unwrap();

    let lead = format!(
        "{} {}, officials in {} said on {}. {}",
        capitalize(e.topic),
        e.lead.replace("{K}", &key_figure(rng, e)),
        e.country,
        weekday(rng),
        body_sentence(rng, e)
    );
    match outlet {
        Mark::Dateline(name) => {
            let month = rng.pick(MONTHS);
            writeln!(
                out,
                "{}, {month} {} ({name}) — {lead}\n",
                e.place,
                rng.range(1, 28)
            )
            .unwrap();
        }
        Mark::Credit(name) => {
            writeln!(out, "{lead}\n\nCredit: {name}\n").unwrap();
        }
        Mark::None => writeln!(out, "{lead}\n").unwrap(),
    }
    while out.len() < target {
        let p = paragraph(rng, e);
        writeln!(out, "{p}\n").unwrap();
        if rng.chance(5) {
            writeln!(out, "{}\n", rng.pick(CHROME_BOTTOM)).unwrap();
        }
    }
    if rng.chance(50) {
        for _ in 0..rng.range(1, 3) {
            writeln!(out, "{}", rng.pick(CHROME_BOTTOM)).unwrap();
        }
    }
    out
}

/// The corpus as (file name, text), in order: the same for the same
/// arguments on every machine.
pub fn corpus(n: usize, seed: u64) -> impl Iterator<Item = (String, String)> {
    let mut rng = Rng(seed);
    (0..n).map(move |i| {
        let text = article(&mut rng);
        let tag = rng.next() as u32;
        (format!("{i:06}_{tag:08x}.txt"), text)
    })
}
