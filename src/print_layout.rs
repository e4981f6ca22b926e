//! The printed handout as one HTML fragment: the overview map, a map per group with its stops listed,
//! then every case card in tour order, the opening city's first (reported facts and background apart, and the source line).
//! Plain string building, so it is tested natively and costs the widget little; the print stylesheet
//! (end of `assets/style.css`) gives each map a page and keeps every card whole.

use std::fmt::Write;

use crate::address::View;
use crate::basemap::Basemap;
use crate::card_text::{every_card, CardText};
use crate::export::{esc, print_map};
use crate::model::{Lang, Tour};
use crate::strings::strings;

fn facts(o: &mut String, list: &[&str]) {
    o.push_str("<ul class=\"ct-facts\">");
    for f in list {
        let _ = write!(o, "<li>{}</li>", esc(f));
    }
    o.push_str("</ul>");
}

/// One case card as printed: no buttons, nothing that moves; its text decided as on screen (`card_text`).
fn card(o: &mut String, tour: &Tour, c: &CardText, lang: Lang) {
    let s = strings(lang);
    let approx = c.approx.map_or(String::new(), |a| [s.sep, a].concat());
    let _ = write!(
        o,
        "<article class=\"ct-ho-card\" style=\"--route:{}\" data-stop=\"{}\"><p class=\"ct-ho-kicker\">\
         {}{}</p><h2 class=\"ct-ho-name\">{}</h2>\
         <p class=\"ct-ho-place\">{}{}</p>\
         <h3 class=\"ct-ho-sec\"><span class=\"ct-tag ct-tag-a\">A</span>{}</h3>",
        esc(c.group_color),
        esc(c.id),
        c.badge.map_or(String::new(), |n| format!("<span class=\"ct-badge\">{n}</span>")),
        esc(&c.kicker),
        esc(c.title),
        esc(&c.place),
        esc(&approx),
        s.reported,
    );
    match c.note {
        Some(note) => {
            let _ = write!(o, "<p class=\"ct-ho-empty\">{note}</p>");
        }
        None => facts(o, &c.reported),
    }
    if !c.background.is_empty() {
        let _ = write!(
            o,
            "<div class=\"ct-ho-bg\"><h3 class=\"ct-ho-sec\"><span class=\"ct-tag ct-tag-b\">B</span>{}</h3>\
             <p class=\"ct-ho-note\">{}</p>",
            s.background, s.background_note
        );
        facts(o, &c.background);
        o.push_str("</div>");
    }
    let _ = write!(o, "<p class=\"ct-ho-source\">{}</p></article>", esc(tour.event.source.get(lang)));
}

/// The whole handout in `lang`: four map pages, then the opening city's card and the 18 stops'.
pub fn handout_html(tour: &Tour, base: &Basemap, lang: Lang) -> String {
    let mut o = String::with_capacity(300 * 1024);
    let views = std::iter::once(View::Overview).chain(tour.groups.iter().map(|g| View::Route(g.number)));
    let sep = strings(lang).comma;
    for view in views {
        o.push_str("<section class=\"ct-ho-map\">");
        o.push_str(&print_map(tour, base, &view, lang).svg);
        if let View::Route(n) = view {
            o.push_str("<ol class=\"ct-ho-stops\">");
            for st in tour.stops_of(n) {
                let (name, city) = (esc(st.name.get(lang)), esc(st.city.get(lang)));
                let _ = write!(o, "<li><b>{}</b>{name}{sep}{city}</li>", st.order);
            }
            o.push_str("</ol>");
        }
        o.push_str("</section>");
    }
    o.push_str("<div class=\"ct-ho-cards\">");
    for c in every_card(tour, lang) {
        card(&mut o, tour, &c, lang);
    }
    o.push_str("</div>");
    o
}
