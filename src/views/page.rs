//! The widget's frame: header with title and tools, route tabs, the stage, the live region and the
//! footer. The app fills it in the browser; the prerender fills it for the page's first paint.

use yew::prelude::*;

use crate::address::View;
use crate::bundle::TOUR;
use crate::model::Lang;
use crate::strings::{class_list, strings};
use crate::views::tabs::{route_tabs, RouteTabsProps};

/// A link's click when the app runs: it shows `target` itself and writes the address without adding
/// history (or, mounted inline, leaves the article's address alone). Without the app (`None`) the
/// link is followed and the page shows what the address names.
pub fn follow(onselect: &Option<Callback<View>>, target: View) -> Option<Callback<MouseEvent>> {
    onselect.clone().map(|cb| {
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            cb.emit(target.clone());
        })
    })
}

/// Space on a link that acts as a button or a tab (a marker, a route tab): what Enter does, as for a button.
pub fn follow_space(onselect: &Option<Callback<View>>, target: View) -> Option<Callback<KeyboardEvent>> {
    onselect.clone().map(|cb| {
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == " " {
                e.prevent_default();
                cb.emit(target.clone());
            }
        })
    })
}

/// The header's buttons; the prerender leaves them at default (they wait for the app).
#[derive(Default)]
pub struct Tools {
    pub print: Callback<MouseEvent>,
    pub export_svg: Callback<MouseEvent>,
    pub export_png: Callback<MouseEvent>,
    pub present: Callback<MouseEvent>,
    /// The language switch (`.ct-lang`). The app listens on the button itself for a mouse over it, a finger on
    /// it or the keyboard's focus, and starts fetching what the other language needs, so the press itself
    /// seldom waits.
    pub lang: Callback<MouseEvent>,
}

/// What [`page`] draws.
pub struct PageProps {
    pub view: View,
    pub lang: Lang,
    pub present: bool,
    pub embed: bool,
    /// The reader's dark theme (not the projector's).
    pub dark: bool,
    /// The widget has the whole window (its own page, not framed): the phone's bottom sheet.
    pub page: bool,
    pub root: NodeRef,
    pub tools: Tools,
    pub onselect: Option<Callback<View>>,
    /// The stage: map and panel (or the Hunan view).
    pub main: Html,
    /// After the stage: the presenter's bar, the handout.
    pub extra: Html,
    pub id: Option<&'static str>,
}

pub fn page(p: PageProps) -> Html {
    let s = strings(p.lang);
    let lang = p.lang;
    let class = class_list(
        lang.pick("ct-root lang-zh", "ct-root lang-en"),
        &[
            (p.page, "page"),
            (p.present, "present"),
            (p.embed, "embed"),
            (p.dark && !p.present, "dark"),
            (matches!(p.view, View::Stop(_) | View::Start), "has-stop"),
        ],
    );
    let palette = crate::palette::vars(p.present, p.dark);
    let exports = p.view != View::Hunan;
    html! {
        <div id={p.id} class={class} ref={p.root} lang={lang.tag()} style={palette}>
            <header class="ct-head">
                <h1 class="ct-title">{ TOUR.event.headline.get(lang) }</h1>
                <div class="ct-tools">
                    <button type="button" class="ct-btn ct-out ct-print-btn" onclick={p.tools.print}>{ s.print }</button>
                    if exports {
                        <button type="button" class="ct-btn ct-out ct-export-svg" onclick={p.tools.export_svg}>{ s.export_svg }</button>
                        <button type="button" class="ct-btn ct-out ct-export-png" onclick={p.tools.export_png}>{ s.export_png }</button>
                    }
                    <button type="button" class="ct-btn ct-present-btn" onclick={p.tools.present}>
                        { if p.present { s.present_exit } else { s.present_enter } }
                    </button>
                    <button type="button" class="ct-btn ct-lang" onclick={p.tools.lang} aria-label={s.lang_switch_label}
                        lang={lang.other().tag()}>{ s.lang_switch }</button>
                </div>
            </header>
            { route_tabs(&RouteTabsProps { view: p.view.clone(), lang, onselect: p.onselect.clone() }) }
            { p.main }
            { p.extra }
            <div class="ct-live" aria-live="polite" role="status">{ crate::strings::announce(&TOUR, &p.view, lang) }</div>
            <footer class="ct-foot">
                <span>{ TOUR.event.source.get(lang) }</span>
            </footer>
        </div>
    }
}
