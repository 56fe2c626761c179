//! Which way a stated change goes: "fell 2.3%", "down 27 cents", "a 5%
//! rise", "an increase of 12%", "pulled the sector 0.5 percent lower". A
//! level is no change: "rose to 45", "from 5% to 4%".

use super::*;

impl Extractor<'_, '_> {
    /// The direction of the change the figure `c` states, if it states one.
    /// Counts of people (killed, troops) are never changes: "lost 12
    /// soldiers" is a loss of soldiers, not a fall of 12.
    pub(super) fn direction(&self, c: &Cand) -> Option<Direction> {
        let lex = self.lex;
        if c.fig.derived || c.head.is_some_and(|h| h.person) || c.fig.measure == "age" {
            return None;
        }
        if c.fig.unit.is_none() && c.fig.measure != "count" {
            return None;
        }
        // after: "0.5 percent lower", "a 5% rise", "2% down on the year"
        if let Some(&d) = lex.direction_after.get(self.n(c.te)) {
            return Some(d);
        }
        // before: "fell 2.3%", "rose by 5%", "down 27 cents", "an increase of 12%"
        let mut k = c.ts;
        for _ in 0..3 {
            let p = k.checked_sub(1)?;
            match self.n(p) {
                "to" | "from" | "at" => return None,
                "by" | "some" | "a" | "an" | "of" | "sharply" | "slightly" => {}
                w => return lex.direction_before.get(w).copied(),
            }
            k = p;
        }
        None
    }
}
