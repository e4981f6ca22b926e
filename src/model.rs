//! The tour's content as data: the types that `assets/tour.json` is read into.
//!
//! # Implementation note:
//! The JSON is read and validated at build time (`build.rs`), which writes it out as a Rust
//! `static`; so strings and lists are `Cow<'static, …>` (borrowed from the binary in the widget,
//! owned when tests parse JSON) and serde exists only off the wasm target.
//! Every field is lenient on purpose (`#[serde(default)]`, `Option` for tags): a missing
//! translation or an untagged fact must reach `validate`, which names the stop and the field,
//! instead of stopping in serde with only a line and column.

use std::borrow::Cow;

/// A string that is static in the widget and owned when parsed.
pub type Str = Cow<'static, str>;
/// A list that is static in the widget and owned when parsed.
pub type List<T> = Cow<'static, [T]>;

/// A string in both languages of the widget.
#[derive(Clone, Debug, Default, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize, serde::Deserialize), serde(default))]
pub struct Text {
    pub zh: Str,
    pub en: Str,
}

impl Text {
    pub fn get(&self, lang: Lang) -> &str {
        text(lang, &self.zh, &self.en)
    }
}

/// A translated field's text in `lang`. The release wasm carries no content text: build.rs (`from_page`)
/// left each `zh` field `\u{1}` and each `en` field `\u{2}`, then its place in the page's list of that
/// language (`web::page_text`). A language the page does not have (yet) shows the other one rather than
/// nothing. Everywhere else the fields are the text itself.
fn text<'a>(lang: Lang, zh: &'a str, en: &'a str) -> &'a str {
    #[cfg(target_arch = "wasm32")]
    {
        use crate::web::page_text;
        page_text(lang.pick(zh, en)).or_else(|| page_text(lang.other().pick(zh, en))).unwrap_or_default()
    }
    #[cfg(not(target_arch = "wasm32"))]
    lang.pick(zh, en)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    /// The one of a pair of translations that is in this language.
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }

    /// The BCP 47 tag for `lang` attributes.
    pub fn tag(self) -> &'static str {
        self.pick("zh-CN", "en")
    }

    /// The other language, for the switch.
    pub fn other(self) -> Lang {
        match self {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }
}

/// Where a fact comes from: [A] reported in the article, [B] widely documented background.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize, serde::Deserialize))]
pub enum Tag {
    A,
    B,
}

#[derive(Clone, Debug, Default, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize, serde::Deserialize), serde(default))]
pub struct Fact {
    pub tag: Option<Tag>,
    pub zh: Str,
    pub en: Str,
}

impl Fact {
    pub fn text(&self, lang: Lang) -> &str {
        text(lang, &self.zh, &self.en)
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize, serde::Deserialize), serde(rename_all = "lowercase"))]
pub enum Confidence {
    High,
    #[default]
    Medium,
    Low,
}

#[derive(Clone, Debug, Default, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize, serde::Deserialize), serde(default))]
pub struct Tour {
    pub event: Event,
    /// The story's own headings and names for the interface (what `strings` holds is the same for any tour).
    pub labels: Labels,
    pub start: Place,
    pub groups: List<Group>,
    pub stops: List<Stop>,
    pub lessons: List<Lesson>,
    pub hunan: Hunan,
}

#[derive(Clone, Debug, Default, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize, serde::Deserialize), serde(default))]
pub struct Event {
    /// The course's full official name.
    pub title: Text,
    /// A short headline for the widget's title bar.
    pub headline: Text,
    pub start_date: Str,
    pub end_date: Str,
    pub days: u32,
    pub group_count: u32,
    pub place_count: u32,
    pub sessions: u32,
    pub top100: Top100,
    /// The six subjects every route covered.
    pub themes: List<Text>,
    /// Who, where, why, what kinds of sites: tagged facts about the whole event.
    pub facts: List<Fact>,
    /// Why Hunan went: the provincial context.
    pub why: List<Fact>,
    /// The credit line, e.g. "来源：新浪财经 2025-03-03".
    pub source: Text,
}

#[derive(Clone, Debug, Default, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize, serde::Deserialize), serde(default))]
pub struct Top100 {
    /// The year the ranking was published.
    pub year: u32,
    /// How many of the Top-100 lie in the region the tour visited; 0 leaves the line out.
    pub total: u32,
    /// That region as a whole: "江浙两省" / "Jiangsu and Zhejiang".
    pub region: Text,
    /// How the total divides, place by place; the counts add up to `total`.
    pub parts: List<Top100Part>,
    /// What the total amounts to, as the source puts it: "接近一半" / "close to half".
    pub share: Text,
}

#[derive(Clone, Debug, Default, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize, serde::Deserialize), serde(default))]
pub struct Top100Part {
    pub name: Text,
    pub count: u32,
}

/// Headings and names that belong to this story, not to the widget: a new tour writes its own.
#[derive(Clone, Debug, Default, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize, serde::Deserialize), serde(default))]
pub struct Labels {
    /// The map's accessible name: "三条线路与十八个县（市、区）的地图".
    pub map: Text,
    /// The start's card title and marker name: "杭州 · 开班".
    pub start: Text,
    /// What the start is: "三组共同的起点".
    pub start_note: Text,
    /// The heading over `event.why`: "为何去江浙".
    pub why: Text,
    /// The heading over the lessons: "三点共同体会".
    pub lessons: Text,
    /// The takeaways view's title: "取经归来：四位学员的打算".
    pub takeaways: Text,
    /// The overview's link to it: "湖南学员的收获 →".
    pub takeaways_link: Text,
}

/// A point on the map with names and tagged facts: the opening city or a Hunan home place.
#[derive(Clone, Debug, Default, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize, serde::Deserialize), serde(default))]
pub struct Place {
    pub id: Str,
    pub name: Text,
    /// Name for the map label (the start's "杭州"); the full name when empty.
    pub short: Text,
    pub city: Text,
    pub province: Text,
    pub lon: f64,
    pub lat: f64,
    pub confidence: Confidence,
    pub facts: List<Fact>,
}

#[derive(Clone, Debug, Default, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize, serde::Deserialize), serde(default))]
pub struct Group {
    pub number: u8,
    pub name: Text,
    /// Route colour (Okabe–Ito).
    pub color: Str,
    /// SVG stroke-dasharray in screen px; empty for a solid line.
    pub dash: Str,
    /// Stop ids in the order the article lists them.
    pub stops: List<Str>,
}

#[derive(Clone, Debug, Default, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize, serde::Deserialize), serde(default))]
pub struct Stop {
    /// Stable public id used in deep links (`#/yiwu`).
    pub id: Str,
    pub group: u8,
    pub order: u8,
    /// Full name, e.g. 义乌市.
    pub name: Text,
    /// Name for map labels, e.g. 义乌.
    pub short: Text,
    pub city: Text,
    pub province: Text,
    pub lon: f64,
    pub lat: f64,
    pub confidence: Confidence,
    pub facts: List<Fact>,
}

#[derive(Clone, Debug, Default, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize, serde::Deserialize), serde(default))]
pub struct Lesson {
    pub number: u8,
    pub title: Text,
    pub summary: Text,
    pub examples: List<Example>,
}

/// A case the article gives for a lesson, linked to the place it comes from.
#[derive(Clone, Debug, Default, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize, serde::Deserialize), serde(default))]
pub struct Example {
    /// A stop id, or the start's id ("hangzhou").
    pub place: Str,
    pub text: Text,
}

#[derive(Clone, Debug, Default, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize, serde::Deserialize), serde(default))]
pub struct Hunan {
    pub intro: Text,
    pub speakers: List<Speaker>,
}

/// One of the four course members quoted at the end of the article, at their home place in Hunan.
#[derive(Clone, Debug, Default, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize, serde::Deserialize), serde(default))]
pub struct Speaker {
    pub id: Str,
    pub name: Text,
    pub post: Text,
    pub gist: Text,
    pub place: Place,
}
