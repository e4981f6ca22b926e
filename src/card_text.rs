//! What a case card says, decided once for the screen (src/views/card.rs), the printed handout
//! (src/print_layout.rs) and the prerendered page: the kicker, the place line, the reported facts and the
//! background apart, and the one note a stop with no reported facts gets. The opening city (杭州 · 开班)
//! has a card too, in the same shape, but no group and no number.

use crate::address::View;
use crate::model::{Confidence, Fact, Lang, Stop, Tag, Tour};
use crate::strings::{stop_ordinal, strings};

/// A card's text in one language.
#[derive(Clone, Debug, PartialEq)]
pub struct CardText<'a> {
    /// The place's public id (`yiwu`, or the start's `hangzhou`).
    pub id: &'a str,
    /// The group number on the kicker's badge; none for the start.
    pub badge: Option<u8>,
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
    let (reported, background, note) = sorted(&stop.facts, lang);
    CardText {
        id: &stop.id,
        badge: Some(stop.group),
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

/// Reported facts and background apart, and the note for a place with nothing reported.
fn sorted(facts: &[Fact], lang: Lang) -> (Vec<&str>, Vec<&str>, Option<&'static str>) {
    let s = strings(lang);
    let of = |tag: Tag| facts.iter().filter(|f| f.tag == Some(tag)).map(|f| f.text(lang)).collect::<Vec<_>>();
    let (reported, background) = (of(Tag::A), of(Tag::B));
    let note = reported.is_empty().then_some(if background.is_empty() { s.no_facts } else { s.no_reported });
    (reported, background, note)
}

/// The opening city's card: "杭州 · 开班", the common start of every group, with its own facts.
pub fn start_card_text(tour: &Tour, lang: Lang) -> CardText<'_> {
    let s = strings(lang);
    let start = &tour.start;
    let (reported, background, note) = sorted(&start.facts, lang);
    CardText {
        id: &start.id,
        badge: None,
        kicker: tour.labels.start_note.get(lang).to_string(),
        title: tour.labels.start.get(lang),
        place: format!("{}{}{}", start.city.get(lang), s.sep, start.province.get(lang)),
        approx: (start.confidence == Confidence::Low).then_some(s.low_confidence),
        reported,
        background,
        note,
        group_color: crate::palette::NEUTRAL,
    }
}

/// The card a view shows, if it shows one: a stop's or the start's.
pub fn card_for<'a>(tour: &'a Tour, view: &View, lang: Lang) -> Option<CardText<'a>> {
    match view {
        View::Stop(id) => tour.stop(id).map(|st| card_text(tour, st, lang)),
        View::Start => Some(start_card_text(tour, lang)),
        _ => None,
    }
}

/// Every card in reading order: the start's, then the stops' by group.
pub fn every_card(tour: &Tour, lang: Lang) -> Vec<CardText<'_>> {
    std::iter::once(start_card_text(tour, lang)).chain(tour.sequence().map(|st| card_text(tour, st, lang))).collect()
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

    #[test]
    fn the_opening_city_has_a_card_with_its_facts_reported_and_background_apart() {
        let t = load(TOUR_JSON).unwrap();
        let c = card_for(&t, &View::Start, Lang::Zh).unwrap();
        assert_eq!((c.id, c.title, c.badge), ("hangzhou", "杭州 · 开班", None));
        assert_eq!(c.place, "杭州市 · 浙江省");
        assert_eq!((c.reported.len(), c.background.len(), c.note), (4, 2, None));
        assert!(c.reported[0].contains("开班") && c.background[1].contains("深度求索"));
        let en = card_for(&t, &View::Start, Lang::En).unwrap();
        assert!(en.title.starts_with("Hangzhou"));
        let all = every_card(&t, Lang::Zh);
        assert_eq!(all.len(), 19);
        assert_eq!(all[0].id, "hangzhou");
        assert_eq!(all[1].id, "yuhang");
        assert!(card_for(&t, &View::Overview, Lang::Zh).is_none());
    }
}
