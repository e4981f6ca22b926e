//! The page's first paint, rendered at build time by the widget's own views (Yew's server-side
//! rendering, native only): see src/bin/prerender.rs. Tested natively (tests/prerender.rs).

use std::fmt::Write;

use yew::prelude::*;

use crate::address::View;
use crate::bundle::{DELTA, TOUR};
use crate::card_text::{card_text, every_card, start_card_text, CardText};
use crate::layout::{overview_region, MapFrame, BANDS};
use crate::model::Lang;
use crate::num::Fixed;
use crate::views::card::card_body;
use crate::views::map::{map_view, MapHandlers, MapProps, MarkerSet, FIRST_PAINT_AFTER};
use crate::views::overview::{overview, OverviewProps};
use crate::views::page::{page, PageProps, Tools};
use crate::views::parts::{layer_paths, route_style};
use crate::views::route_panel::{route_panel, RoutePanelProps};

#[derive(Properties, PartialEq)]
struct StaticProps {
    html: Html,
}

#[function_component(Static)]
fn static_html(p: &StaticProps) -> Html {
    p.html.clone()
}

/// Markup as Yew's server renderer writes it (no hydration marks: the app renders afresh).
pub fn render(html: Html) -> String {
    let rt = tokio::runtime::Builder::new_current_thread().build().expect("a tokio runtime");
    let local = tokio::task::LocalSet::new();
    local.block_on(&rt, async move {
        yew::LocalServerRenderer::<Static>::with_props(StaticProps { html }).hydratable(false).render().await
    })
}

/// CSS that shows the marker set of the band the map's width falls in (container `ctmap`, the map
/// itself): written from `BANDS`, the thresholds the app uses, so the two cannot disagree. The other bands'
/// sets hide every element in them, not just their group: Chromium lays out the content of an SVG group that
/// is `display: none` (it shaped all 231 names and numbers of the six sets where 40 show), and the hidden sets
/// made the first layout of the page, the costliest step of its first paint, about half again as long (4× CPU,
/// 390 px: 237 against 156 ms, and 169 with the hidden sets left out of the page altogether).
pub fn band_css() -> String {
    let mut css = String::from("#ct-first .ct-band,#ct-first .ct-band *{display:none}");
    for (i, b) in BANDS.iter().enumerate() {
        let lo = Fixed(b.min_width, 0);
        // Range syntax: `max-width: 363.99px` also matches a 364 px map in Chromium (it rounds to layout units).
        let rule = match BANDS.get(i + 1) {
            Some(next) => format!("(width >= {lo}px) and (width < {}px)", Fixed(next.min_width, 0)),
            None => format!("(width >= {lo}px)"),
        };
        let _ = write!(css, "@container ctmap {rule}{{{}}}", shown(i));
    }
    // A browser without container queries gets the phone's layout, scaled to the map.
    let _ = write!(css, "@supports not (container-type:size){{{}}}", shown(1));
    css
}

/// The rule that shows band `i`'s set and what is in it.
fn shown(i: usize) -> String {
    format!("#ct-first .ct-band-{i},#ct-first .ct-band-{i} *{{display:inline}}")
}

/// The order of the marker sets in the page. The first [`LEAD_SETS`](crate::views::map::LEAD_SETS) come before
/// the outlines, and the first frame waits for them: phones (maps under 364 px, as on a 360 or 375 px phone or
/// in a phone's article frame, and from 364 to 420 px) and pages from 1280 px wide. Then the sets of maps from
/// 420 to 742 px (pages 446 to 623 px wide, and 743 to 1279: tablets, phones turned sideways, narrower desktop
/// windows), whose first frame may come before their set: it follows in the next.
const BAND_ORDER: [usize; 6] = [1, 0, 5, 4, 3, 2];

/// The map as the prerendered page shows it: the overview's fixed part of the map, one marker set per band.
pub fn overview_map(lang: Lang) -> Html {
    let view = View::Overview;
    // The bands most readers get first: a page still loading paints the set it shows sooner.
    let sets = BAND_ORDER
        .iter()
        .map(|&i| (i, &BANDS[i]))
        .map(|(i, band)| {
            let frame = MapFrame::band(&TOUR, *band, band.frame);
            let lay = frame.layout(&TOUR, &DELTA.labels, &view, lang);
            MarkerSet { band: Some(i), frame, lay: lay.into() }
        })
        .collect();
    let r = overview_region(&TOUR);
    let view_box =
        format!("{} {} {} {}", Fixed(r.min.x, 2), Fixed(r.min.y, 2), Fixed(r.width(), 2), Fixed(r.height(), 2));
    map_view(MapProps {
        view,
        lang,
        sets,
        outlines: html! { <g class="ct-layers">{ layer_paths(&DELTA.layers) }</g> },
        view_box: Some(view_box),
        detail: None,
        fit: false,
        hint: None,
        on: MapHandlers::default(),
    })
}

/// Every route panel and case card, each shown when the address names it (`:target`).
fn targets(lang: Lang) -> Html {
    let noop = Callback::noop();
    let routes = TOUR.groups.iter().map(|g| {
        html! {
            <div class="ct-target" id={View::Route(g.number).to_hash()[1..].to_string()}>
                { route_panel(&RoutePanelProps { group: g.number, lang, onselect: noop.clone() }) }
            </div>
        }
    });
    let cards = every_card(&TOUR, lang).into_iter().map(|c| {
        let heading = format!("ct-card-h-{}", c.id);
        html! {
            <div class="ct-target" id={format!("/{}", c.id)}>
                <section class="ct-card" aria-labelledby={heading.clone()} style={route_style(c.group_color)}>
                    { card_body(&c, lang, &heading) }
                </section>
            </div>
        }
    });
    html! { <>{ for routes }{ for cards }</> }
}

/// For the boot script (tools/postbuild.mjs splices it in), by the language of the page's first paint
/// (`#ct-first`'s `lang`: index.html's Chinese, en.html's English): the query pairs after which it hides the
/// first paint until the app draws, `always` or when the reader's system prefers `dark`
/// ([`crate::address::first_paint_pairs`]), and those after which it fetches the content's `english` at once,
/// which only the Chinese page lacks ([`crate::address::english_pairs`]).
pub fn first_paint_query() -> String {
    use crate::address::{english_pairs, first_paint_pairs};
    let page = |lang: Lang| {
        let english = if lang == Lang::Zh { english_pairs() } else { Vec::new() };
        serde_json::json!({ "always": first_paint_pairs(lang, false), "dark": first_paint_pairs(lang, true), "english": english })
    };
    serde_json::json!({ Lang::Zh.tag(): page(Lang::Zh), Lang::En.tag(): page(Lang::En) }).to_string()
}

/// A page in `lang` (tools/postbuild.mjs: index.html in Chinese, en.html in English): the `lang` of `<html>`,
/// the attributes that tell the app on `<main id="county-tour">` its language (`web::requested_lang`), and
/// the `<title>` and description (the share card's, src/share.rs).
pub fn page_of(lang: Lang) -> String {
    let head = format!(
        "<title>{}</title>\n  <meta name=\"description\" content=\"{}\">",
        crate::export::esc(crate::share::title(lang)),
        crate::export::esc(&crate::share::description(lang))
    );
    serde_json::json!({ "html_lang": lang.tag(), "main_attrs": format!("data-lang=\"{}\"", lang.code()), "head": head })
        .to_string()
}

/// For the page's `<head>` (tools/postbuild.mjs splices it into index.html and the single file): the first
/// frame waits until the parser has reached [`FIRST_PAINT_AFTER`], the element right after the routes, the
/// lead marker sets and the outlines, so it never shows a half-drawn map. Browsers without `rel=expect`
/// ignore it.
pub fn first_paint_head() -> String {
    format!("<link rel=\"expect\" href=\"#{FIRST_PAINT_AFTER}\" blocking=\"render\">")
}

/// The complete overview page, as `#ct-first`.
pub fn first_paint(lang: Lang) -> String {
    let main = html! {
        <div class="ct-stage">
            { overview_map(lang) }
            <div class="ct-panel">
                { overview(&OverviewProps { lang, onselect: Callback::noop() }) }
                { targets(lang) }
            </div>
        </div>
    };
    let body = render(page(PageProps {
        view: View::Overview,
        lang,
        present: false,
        embed: false,
        dark: false,
        page: true,
        root: NodeRef::default(),
        tools: Tools::default(),
        onselect: None,
        main,
        extra: html! {},
        id: Some("ct-first"),
    }));
    format!("<style>{}</style>{body}", band_css())
}

/// A card's facts as one list: the reported ones, then the background, each marked as such.
fn text_facts(c: &CardText, lang: Lang) -> Html {
    let s = crate::strings::strings(lang);
    html! {
        <ul>
            { for c.reported.iter().map(|f| html! { <li>{ *f }</li> }) }
            { for c.background.iter().map(|f| html! { <li>{ s.background }{ s.colon }{ *f }</li> }) }
        </ul>
    }
}

/// The tour as a plain list, for the panic fallback (`<template id="ct-static">`): the opening city's
/// card, then each group's stops with theirs.
pub fn text_version(lang: Lang) -> String {
    let e = &TOUR.event;
    let start = start_card_text(&TOUR, lang);
    let groups = TOUR.groups.iter().map(|g| {
        html! {
            <>
                <h2>{ g.name.get(lang) }</h2>
                <ol>
                    { for TOUR.stops_of(g.number).map(|st| {
                        let c = card_text(&TOUR, st, lang);
                        html! {
                            <li>
                                <p><strong>{ c.title }</strong>{ " · " }{ c.place.clone() }</p>
                                { text_facts(&c, lang) }
                            </li>
                        }
                    }) }
                </ol>
            </>
        }
    });
    let s = crate::strings::strings(lang);
    render(html! {
        <div class="ct-root ct-static">
            <h1>{ e.headline.get(lang) }</h1>
            <p>{ crate::strings::date_range(lang, &e.start_date, &e.end_date) }</p>
            <h2 id={format!("ct-static-{}", start.id)}>{ start.title }</h2>
            <p>{ start.kicker.clone() }{ " · " }{ start.place.clone() }</p>
            { text_facts(&start, lang) }
            { for groups }
            <p>{ e.source.get(lang) }</p>
            <p>{ s.credit_map }</p>
        </div>
    })
}

/// The base map's outlines alone, for an inline mount (embed.js).
pub fn outlines() -> String {
    render(html! { <svg aria-hidden="true"><g class="ct-layers">{ layer_paths(&DELTA.layers) }</g></svg> })
}

/// The content's text in `lang`, one string a line (`bundle::ZH_LIST`, `bundle::EN_LIST`), as the content of
/// `<template id="ct-zh">` or `"ct-en"`: the wasm reads it from the page rather than carrying it
/// (`web::page_text`).
pub fn text_list(lang: Lang) -> String {
    let list = match lang {
        Lang::Zh => crate::bundle::ZH_LIST,
        Lang::En => crate::bundle::EN_LIST,
    };
    list.iter().map(|t| crate::export::esc(t)).collect::<Vec<_>>().join("\n")
}

/// The files src/bin/prerender.rs writes.
pub fn files() -> Vec<(&'static str, String)> {
    vec![
        ("first.html", first_paint(Lang::Zh)),
        ("static.html", text_version(Lang::Zh)),
        ("outlines.html", outlines()),
        ("zh-list.html", text_list(Lang::Zh)),
        ("en-list.html", text_list(Lang::En)),
        ("first-en.html", first_paint(Lang::En)),
        ("static-en.html", text_version(Lang::En)),
        ("page-zh.json", page_of(Lang::Zh)),
        ("page-en.json", page_of(Lang::En)),
        ("first-query.json", first_paint_query()),
        ("first-head.html", first_paint_head()),
    ]
}
