//! What a case card says, decided once for the screen (src/views/card.rs), the printed handout
//! (src/print_layout.rs) and the prerendered page: the kicker, the place line, the reported facts and the
//! background apart, and the one note a stop with no reported facts gets.

use crate::model::{Confidence, Lang, Stop, Tag, Tour};
use crate::strings::{stop_ordinal, strings};

/// A card's text in one language.
#[derive(Clone, Debug, PartialEq)]
pub struct CardText<'a> {
    /// "第一组 · 第2站（共7站）".
    pub kicker: String,
    pub title: &'a str,
    /// "金华市 · 浙江省", and the approximate-location note where the place is not certain.
    pub place: String,
    pub approx: Option<&'static str>,
    pub reported: Vec<&'a str>,
    pub background: Vec<&'a str>,
    /// Instead of the reported facts when there are none: that the article only names the stop (with
    /// background below), or that there is nothing verified at all.
    pub note: Option<&'static str>,
    pub group_color: &'a str,
}

pub fn card_text<'a>(tour: &'a Tour, stop: &'a Stop, lang: Lang) -> CardText<'a> {
    let s = strings(lang);
    let group = tour.group(stop.group);
    let of = group.map_or(0, |g| g.stops.len());
    let name = group.map_or("", |g| g.name.get(lang));
    let facts = |tag: Tag| stop.facts.iter().filter(|f| f.tag == Some(tag)).map(|f| f.text(lang)).collect::<Vec<_>>();
    let (reported, background) = (facts(Tag::A), facts(Tag::B));
    let note = reported.is_empty().then_some(if background.is_empty() { s.no_facts } else { s.no_reported });
    CardText {
        kicker: format!("{name}{}{}", s.sep, stop_ordinal(lang, stop.order, of)),
        title: stop.name.get(lang),
        place: format!("{}{}{}", stop.city.get(lang), s.sep, stop.province.get(lang)),
        approx: (stop.confidence == Confidence::Low).then_some(s.low_confidence),
        reported,
        background,
        note,
        group_color: group.map_or(crate::palette::NEUTRAL, |g| &*g.color),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{load, TOUR_JSON};

    #[test]
    fn a_stop_without_reported_facts_gets_exactly_one_note() {
        let t = load(TOUR_JSON).unwrap();
        for st in t.stops.iter() {
            let c = card_text(&t, st, Lang::Zh);
            assert_eq!(c.note.is_some(), c.reported.is_empty(), "{}", st.id);
            if c.reported.is_empty() {
                let want =
                    if c.background.is_empty() { strings(Lang::Zh).no_facts } else { strings(Lang::Zh).no_reported };
                assert_eq!(c.note, Some(want), "{}", st.id);
            }
        }
        let yiwu = card_text(&t, t.stop("yiwu").unwrap(), Lang::Zh);
        assert_eq!(yiwu.title, "义乌市");
        assert!(yiwu.kicker.starts_with("第一组 · 第2站"), "{}", yiwu.kicker);
    }
}
