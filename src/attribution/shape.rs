//! What a claimer phrase is: a named person, organisation, government or report,
//! a pronoun, or a role noun ("the minister") to resolve later ([`Shape`]), and
//! its strings once it is kept ([`Built`]).

use super::ClaimerKind;
use super::chunk::{
    Sent, is_det, is_head, is_org_noun, is_report, is_role, is_stop, is_time, pronoun,
};
use super::lexicon::{LEXICON as LEX, fold, w};
use super::tokens::Tok;

const NAME_PARTICLES: &[&str] = &[
    "von", "van", "der", "de", "al", "bin", "da", "di", "la", "le", "du", "del", "dos",
];
pub(super) fn is_gov_name(folded: &str) -> bool {
    fn strip(p: &str) -> &str {
        // `trim_start_matches("the ")`, without a substring searcher.
        let mut p = p.trim();
        while let Some(rest) = p.strip_prefix("the ") {
            p = rest;
        }
        p.trim()
    }
    if LEX.governments.contains(strip(folded)) {
        return true;
    }
    // One part only: nothing more to try.
    let b = folded.as_bytes();
    let and = (0..b.len()).any(|i| b[i] == b' ' && b[i + 1..].starts_with(b"and "));
    if !folded.contains(',') && !and {
        return false;
    }
    let parts: Vec<&str> = folded
        .split([','])
        .flat_map(|p| p.split(" and "))
        .map(strip)
        .filter(|p| !p.is_empty())
        .collect();
    parts.len() > 1 && parts.iter().all(|p| LEX.governments.contains(*p))
}

/// A claimer phrase as [`Sent::shape`] classifies it: token ranges and flags, no
/// strings yet (most phrases are looked at only to be dropped).
#[derive(Debug, Clone, Copy)]
pub(super) enum Shape {
    Named {
        name: Name,
        /// Tokens of the title ("Defense Minister").
        role: Option<(usize, usize)>,
        kind: ClaimerKind,
    },
    Pronoun {
        at: usize,
        person: bool,
    },
    /// "the newspaper", "the company": an organisation described, named before.
    Description {
        /// Tokens of the phrase as written, with its determiner.
        written: (usize, usize),
        /// Tokens of the phrase after the determiner.
        phrase: (usize, usize),
    },
    RoleRef {
        /// Tokens of the phrase as written, with any determiner.
        written: (usize, usize),
        /// Tokens of the phrase after the determiner.
        phrase: (usize, usize),
        det: bool,
        lower_first: bool,
        /// First title token after any possessive ("defense" in "Ukraine's defense minister").
        title_start: usize,
        definite: bool,
        possessive: bool,
    },
}

/// A name: the text of tokens `a..b`, with its first letter lower-cased if `lower_first`.
#[derive(Debug, Clone, Copy)]
pub(super) struct Name {
    pub(super) a: usize,
    pub(super) b: usize,
    pub(super) lower_first: bool,
}

/// See [`Sent::entity`].
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Entity {
    pub(super) gov: bool,
    pub(super) org: bool,
    pub(super) demonym: bool,
}

/// A [`Shape`] with its strings.
#[derive(Debug, Clone)]
pub(super) enum Built {
    Named {
        name: String,
        role: Option<String>,
        kind: ClaimerKind,
    },
    Pronoun {
        text: String,
        person: bool,
    },
    Description {
        /// "newspaper"
        phrase: String,
        /// "The newspaper"
        written: String,
    },
    RoleRef {
        phrase: String,
        /// The phrase as written ("The minister").
        written: String,
        /// Title words after any determiner/possessive ("defense minister").
        title: String,
        head: String,
        definite: bool,
        possessive: bool,
    },
}

impl Sent<'_> {
    /// `fold(&self.text(a, b))`. Words are separated by whitespace only, so for
    /// words it is their folded forms joined by single spaces.
    pub(super) fn folded(&self, a: usize, b: usize) -> String {
        let toks = &self.toks[a..b];
        if !toks.iter().all(Tok::is_word) {
            return fold(&self.text(a, b));
        }
        let mut out = String::with_capacity(toks.iter().map(|t| t.lower.len() + 1).sum());
        for (i, t) in toks.iter().enumerate() {
            match toks.get(i + 1) {
                Some(next) => {
                    out.push_str(t.lower);
                    // "Mr.Smith" is two words with nothing between them.
                    if t.end < next.start {
                        out.push(' ');
                    }
                }
                None => out.push_str(t.base()),
            }
        }
        out
    }

    /// What the name made of the words `a..b` is: [`is_gov_name`], an organisation,
    /// a demonym. Mostly from the words' lexicon flags, without building the name.
    pub(super) fn entity(&self, a: usize, b: usize) -> Entity {
        let first = &self.toks[a];
        // A byte loop: words are short, and a `memchr` call costs more here.
        if !first.lower.bytes().any(|b| b == b',') {
            if b == a + 1 {
                // One word, no comma: `is_gov_name` is a plain lookup.
                return Entity {
                    gov: first.base_in(w::GOVERNMENT),
                    org: first.base_in(w::ORGANISATION),
                    demonym: first.base_in(w::DEMONYM),
                };
            }
            // The folded name (or the first part `is_gov_name` splits off, as "the"
            // is not stripped) starts with this word: it must start an entity.
            if first.end < self.toks[a + 1].start
                && first.lower != "the"
                && !first.lower_in(w::ENTITY_FIRST)
            {
                return Entity::default();
            }
        }
        let folded = self.folded(a, b);
        Entity {
            gov: is_gov_name(&folded),
            org: LEX.organisations.contains(&folded),
            demonym: LEX.demonyms.contains(&folded),
        }
    }

    /// The text of a name.
    fn name(&self, n: Name) -> String {
        // Sized for the tidied text, which is never longer than the tokens' bytes.
        let mut out = String::with_capacity(self.bytes(n.a, n.b).len());
        self.name_into(n, &mut out);
        out
    }

    /// [`Sent::name`], appended to `out`.
    pub(super) fn name_into(&self, n: Name, out: &mut String) {
        let at = out.len();
        self.text_into(n.a, n.b, out);
        if n.lower_first
            && let Some(f) = out[at..].chars().next()
        {
            let lower: String = f.to_lowercase().collect();
            out.replace_range(at..at + f.len_utf8(), &lower);
        }
    }

    /// The strings of a shape: the claimer phrase, not yet resolved.
    pub(super) fn finish(&self, shape: Shape) -> Built {
        match shape {
            Shape::Named { name, role, kind } => Built::Named {
                name: self.name(name),
                role: role.map(|(x, y)| self.text(x, y)),
                kind,
            },
            Shape::Pronoun { at, person } => Built::Pronoun {
                text: self.text(at, at + 1),
                person,
            },
            Shape::Description {
                written,
                phrase: (a, b),
            } => Built::Description {
                phrase: self.text(a, b),
                written: self.text(written.0, written.1),
            },
            Shape::RoleRef {
                written,
                phrase: (a, b),
                det,
                lower_first,
                title_start,
                definite,
                possessive,
            } => Built::RoleRef {
                phrase: if det {
                    format!("{} {}", self.toks[written.0].lower, self.text(a, b))
                } else {
                    self.name(Name { a, b, lower_first })
                },
                written: self.text(written.0, written.1),
                title: fold(&self.text(title_start, b)),
                head: self.toks[b - 1].base().to_owned(),
                definite,
                possessive,
            },
        }
    }

    /// Classify a claimer phrase (see [`Sent::finish`]).
    pub(super) fn shape(&self, a: usize, b: usize) -> Option<Shape> {
        let toks = self.toks;
        if a >= b || b > toks.len() {
            return None;
        }
        if b - a == 1
            && let Some(person) = pronoun(&toks[a])
        {
            return Some(Shape::Pronoun { at: a, person });
        }
        let det = is_det(&toks[a]);
        let definite = det && toks[a].lower == "the";
        let a0 = a;
        let a = if det { a + 1 } else { a };
        if a >= b || !toks[b - 1].is_word() {
            return None;
        }
        let last = &toks[b - 1];
        // Sentence-initial capital on a common word: "Officials said", "Reports indicate".
        let lower_first = {
            let t = &toks[a];
            a == 0
                && t.cap
                && !t.acronym
                && !t.base_in(w::GOVERNMENT | w::ORGANISATION | w::DEMONYM)
                && (is_head(t) || t.base_in(w::STOPWORD) || is_report(t))
        };
        // A coordinated group speaks as one: "US intelligence as well as Nato".
        if (a + 2..b.saturating_sub(1)).any(|k| {
            toks[k - 2].lower == "as" && toks[k - 1].lower == "well" && toks[k].lower == "as"
        }) {
            let kind = if is_gov_name(&self.folded(a, b).replace(" as well as ", " and ")) {
                ClaimerKind::Government
            } else {
                ClaimerKind::Organisation
            };
            return Some(Shape::Named {
                name: Name {
                    a,
                    b,
                    lower_first: false,
                },
                role: None,
                kind,
            });
        }
        if last.base_in(w::ASSESSMENT_NOUN)
            && let Some(p) = (a..b - 1).rev().find(|&p| toks[p].poss)
        {
            return self.shape(a0, p + 1);
        }
        let split = (a..b)
            .rev()
            .find(|&k| is_role(&toks[k]) || (is_org_noun(&toks[k]) && !toks[k].cap))
            .or_else(|| {
                // "supplement executive Frank Vander": a lower-case word before a
                // name of two capitalized words or more is its role.
                let k = (a..b).rev().find(|&k| !toks[k].cap)?;
                (b - k > 2 && toks[k].is_word() && !is_stop(&toks[k])).then_some(k)
            });
        let mut name_start = split.map_or(a, |k| k + 1);
        // "Ukraine's Zelensky": the possessor is not part of the name.
        if let Some(p) = (name_start..b.saturating_sub(1))
            .rev()
            .find(|&p| toks[p].poss)
        {
            name_start = p + 1;
        }
        // "FULL TEXT", "BREAKING NEWS": a run of capitals is a heading, not a name.
        let heading = b - name_start >= 2 && toks[name_start..b].iter().all(|t| t.acronym);
        let name_ok = name_start < b
            && !heading
            && !is_report(&toks[b - 1])
            && !toks[b - 1].base_in(w::PLURAL_PEOPLE)
            && (name_start..b).all(|k| {
                let t = &toks[k];
                t.is_word()
                    && !is_time(t)
                    && (t.cap
                        || (k > name_start
                            && k + 1 < b
                            && (matches!(t.lower, "and" | "of" | "on" | "for")
                                || NAME_PARTICLES.contains(&t.lower))))
            })
            && (name_start + 1..b).all(|k| !toks[k - 1].poss);
        let phrase = Name { a, b, lower_first };
        if name_ok {
            // "President of Ukraine Volodymyr Zelensky" walks back to "Ukraine Volodymyr
            // Zelensky": a leading state or nationality is not part of a person's name.
            let whole_start = name_start;
            let whole = self.entity(name_start, b);
            if !whole.gov && !whole.org {
                while name_start + 2 <= b
                    && toks[name_start + 1].cap
                    && toks[name_start].base_in(w::GOVERNMENT | w::DEMONYM)
                    && !(name_start + 1..b).any(|k| is_org_noun(&toks[k]))
                {
                    name_start += 1;
                }
            }
            // Unchanged when no leading state was dropped.
            let entity = if name_start == whole_start {
                whole
            } else {
                self.entity(name_start, b)
            };
            if entity.demonym {
                return None;
            }
            let role = split.map(|k| (a, k + 1));
            let kind = if entity.gov {
                ClaimerKind::Government
            } else if entity.org || (name_start..b).any(|k| is_org_noun(&toks[k])) {
                ClaimerKind::Organisation
            } else {
                ClaimerKind::Person
            };
            if kind != ClaimerKind::Person
                && let Some(k) = split
                && toks[k].cap
            {
                return Some(Shape::Named {
                    name: Name {
                        a,
                        b,
                        lower_first: false,
                    },
                    role: None,
                    kind,
                });
            }
            return Some(Shape::Named {
                name: Name {
                    a: name_start,
                    b,
                    lower_first: false,
                },
                role,
                kind,
            });
        }
        let head = &toks[b - 1];
        // "the influential daily", "the company": a description in lower case.
        if definite
            && head.base_in(w::DESCRIPTION)
            && toks[a..b].iter().all(|t| t.is_word() && !t.cap && !t.poss)
        {
            return Some(Shape::Description {
                written: (a0, b),
                phrase: (a, b),
            });
        }
        if is_report(head) {
            return Some(Shape::Named {
                name: phrase,
                role: None,
                kind: ClaimerKind::Report,
            });
        }
        if head.base_in(w::PLURAL_PEOPLE) {
            let gov = (a..b).any(|k| {
                let t = &toks[k];
                t.is_word() && t.base_in(w::DEMONYM | w::GOVERNMENT)
            }) || (a + 1 < b && LEX.demonyms.contains(&self.folded(a, a + 2)));
            return Some(Shape::Named {
                name: phrase,
                role: None,
                kind: if gov {
                    ClaimerKind::Government
                } else {
                    ClaimerKind::Organisation
                },
            });
        }
        if is_org_noun(head) {
            return Some(Shape::Named {
                name: phrase,
                role: None,
                kind: ClaimerKind::Organisation,
            });
        }
        if is_role(head) {
            return Some(Shape::RoleRef {
                written: (a0, b),
                phrase: (a, b),
                det,
                lower_first,
                title_start: (a..b).rev().find(|&k| toks[k].poss).map_or(a, |k| k + 1),
                definite,
                possessive: (a..b - 1).any(|k| toks[k].poss),
            });
        }
        None
    }
}
