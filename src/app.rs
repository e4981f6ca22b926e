//! The widget's root: reads the URL once, owns the one reducer, mirrors the view in the URL
//! and lays out tabs, map and card for the page, a frame or a projector.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::address::{parse_query, View};
use crate::bundle::TOUR;
use crate::components::export::export_handlers;
use crate::components::handout::{handout, use_print};
use crate::components::hunan::{hunan_view, use_hunan_outlines, HunanViewProps};
use crate::components::map::TourMap;
use crate::components::present::{presenter_bar, use_presenter};
use crate::host::Command;
use crate::model::{Lang, Tour};
use crate::palette::Theme;
use crate::state::{key_action, Action, AppState};
use crate::views::card::{case_card, use_card_state, CaseCardProps};
use crate::views::overview::{overview, OverviewProps};
use crate::views::page::{page, PageProps, Tools};
use crate::views::route_panel::{route_panel, RoutePanelProps};
use crate::web;

impl Reducible for AppState {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let next = self.apply(&TOUR, action);
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// True when the widget owns the whole page (our own index.html), so it may set `<html lang>`.
    #[prop_or(true)]
    pub owns_page: bool,
}

/// Mount the widget into `#county-tour` (inside its shadow root when embed.js gave it one), or a new element
/// at the end of the body.
pub fn start() {
    web::fall_back_on_panic();
    let root = web::mount_point();
    let owns_page = root.has_attribute("data-page");
    // Take the base map's outlines from the page's prerendered overview before the app replaces it.
    web::base_layers();
    // A page asked for in English waits for the content's English (en.html has it; index.html fetches it, see
    // build.rs `from_page`) rather than show its Chinese first; its first paint is hidden meanwhile
    // (tools/postbuild.mjs).
    web::with_text(
        web::requested_lang(),
        Box::new(move || {
            yew::Renderer::<App>::with_root_and_props(root, AppProps { owns_page }).render();
        }),
    );
}

/// Switch the widget's language once the page has the content in it (`web::with_text`).
fn set_lang(store: UseReducerDispatcher<AppState>) -> impl Fn(Lang) + Clone {
    move |lang| {
        let store = store.clone();
        web::with_text(lang, Box::new(move || store.dispatch(Action::SetLang(lang))))
    }
}

fn initial_state(tour: &Tour) -> AppState {
    let loc = gloo::utils::window().location();
    let flags = parse_query(&loc.search().unwrap_or_default());
    let view = tour.view_of_hash(&loc.hash().unwrap_or_default());
    AppState {
        map_view: view.clone(),
        view,
        lang: web::requested_lang(),
        present: flags.present,
        embed: flags.embed,
        ..Default::default()
    }
}

/// Dark or light for the reader: the theme the address or the inline mount names, and under `auto` the
/// system's preference, followed as it changes.
#[hook]
fn use_dark() -> bool {
    let theme = *use_memo((), |_| web::requested_theme());
    let prefers = use_state_eq(web::prefers_dark);
    {
        let prefers = prefers.clone();
        use_effect_with(theme, move |theme| {
            let listener = (*theme == Theme::Auto).then(|| web::on_scheme_change(move |d| prefers.set(d)));
            move || drop(listener)
        });
    }
    theme.is_dark(*prefers)
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let tour: &'static Tour = &TOUR;
    let store = use_reducer(|| initial_state(tour));
    let state = (*store).clone();
    let dispatch = {
        let store = store.clone();
        Callback::from(move |a: Action| store.dispatch(a))
    };
    let show = dispatch.reform(Action::Show);

    // The hash mirrors the view at once (replaceState keeps Back for leaving the page; written later, it could
    // cancel a Back pressed just after a tap). Once the frame that shows a new view is painted (none of this is
    // on screen, so a tap's card need not wait for it): the map follows the view (`map_view`: its render,
    // markers, labels and the flight's start come after the card, not before it), and the page's language
    // follows the widget's. Inside someone else's article the address and the page are theirs: the widget reads
    // a deep link from the address but never rewrites it, and leaves `<html lang>` alone. The host page hears
    // what the reader sees: once that the widget is ready, then every view.
    let root_ref = use_node_ref();
    {
        let owns = props.owns_page;
        let ready = use_mut_ref(|| false);
        let follow = store.dispatcher();
        let root = root_ref.clone();
        use_effect_with((state.view.clone(), state.lang), move |(view, lang)| {
            let (view, lang) = (view.clone(), *lang);
            if owns {
                web::replace_hash(&view.to_hash());
            }
            web::panel_to_top(root.cast());
            web::after_paint(Box::new(move || {
                follow.dispatch(Action::MapFollows);
                if owns {
                    web::set_document_lang(lang);
                }
                if !std::mem::replace(&mut *ready.borrow_mut(), true) {
                    crate::embed::announce(crate::host::READY_TYPE, &view, lang);
                    // V8 compiles a wasm function on its first call, and a page's first card paid for its
                    // code's first run inside the reader's tap: the app draws one card where no one sees it
                    // (`.ct-warm`, like `web::warm_text`'s panels) and drops it a frame later. A page that
                    // opens on a stop has drawn its card already; the Hunan view has no stage to draw it in.
                    if matches!(view, View::Overview | View::Route(_)) {
                        follow.dispatch(Action::Warm(true));
                        let follow = follow.clone();
                        web::after_paint(Box::new(move || follow.dispatch(Action::Warm(false))));
                    }
                }
                crate::embed::announce(crate::host::VIEW_TYPE, &view, lang);
            }));
        });
    }

    // A hash typed by the reader or followed from a link, or asked for by a host page.
    {
        let store = store.clone();
        use_effect_with((), move |_| {
            // The first render is in the DOM: the page's prerendered overview steps aside in the same task, so
            // the reader never sees both, and nothing shifts (the live map takes the box the frame had).
            web::remove_first_frame();
            let set_lang = set_lang(store.dispatcher());
            let show_hash = move |hash: String| {
                let v = tour.view_of_hash(&hash);
                store.dispatch(Action::Show(v));
            };
            let on_hash = show_hash.clone();
            let listener = gloo::events::EventListener::new(&gloo::utils::window(), "hashchange", move |_| {
                on_hash(gloo::utils::window().location().hash().unwrap_or_default());
            });
            let host = crate::embed::connect(move |c| match c {
                Command::Navigate(hash) => show_hash(hash),
                Command::Lang(lang) => set_lang(lang),
            });
            move || drop((listener, host))
        });
    }

    // Keys: arrows everywhere, clicker and presenter keys in presenter mode. On its own page the
    // widget listens to the whole document; mounted inside an article, only while focus is within it.
    // Presenting, "next" and "previous" first show the rest of a card (or text) longer than the screen.
    {
        let dispatch = dispatch.clone();
        let present = state.present;
        let owns = props.owns_page;
        let root_ref = root_ref.clone();
        use_effect_with(present, move |present| {
            let present = *present;
            let opts = gloo::events::EventListenerOptions::enable_prevent_default();
            let target: web_sys::EventTarget = match root_ref.cast::<web_sys::Element>() {
                Some(el) if !owns => el.into(),
                _ => gloo::utils::document().into(),
            };
            // A pointer or the keyboard's focus on the language button fetches the other language's text ahead
            // of the press. The button's own listeners, not Yew's `onpointerenter`: Yew listens for an event
            // type once for the whole widget, and would run wasm for every element a moving pointer enters. They
            // share this effect, whose root they need too: a hook of their own would cost the wasm more.
            let button =
                root_ref.cast::<web_sys::Element>().and_then(|el| el.query_selector(".ct-lang").ok().flatten());
            let root = root_ref.clone();
            // Only English is ever fetched: every page carries the Chinese (`web::page_zh`).
            let soon = button.map(|b| {
                ["pointerenter", "focus"].map(|kind| {
                    gloo::events::EventListener::new(&b, kind, |_| web::with_text(Lang::En, Box::new(|| ())))
                })
            });
            let listener = gloo::events::EventListener::new_with_options(&target, "keydown", opts, move |e| {
                let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
                    return;
                };
                if e.ctrl_key() || e.meta_key() || e.alt_key() || web::typing_in_field(e) {
                    return;
                }
                let key = e.key();
                if present && (key == "f" || key == "F") {
                    web::toggle_fullscreen();
                    e.prevent_default();
                    return;
                }
                if let Some(a) = key_action(&key, present) {
                    e.prevent_default();
                    let forward = a == Action::Next;
                    if !(present && (forward || a == Action::Prev) && web::reveal_panel(root.cast(), forward)) {
                        dispatch.emit(a);
                    }
                }
            });
            move || drop((listener, soon))
        });
    }

    let (printing, print) = use_print();
    let card = use_card_state(matches!(state.view, View::Stop(_) | View::Start));
    let hunan_outlines = use_hunan_outlines(state.view == View::Hunan);
    let presenter = use_presenter(&state, &dispatch, &root_ref);
    let lang = state.lang;
    let dark = use_dark();
    // Only a widget that has the whole window may size itself to it (the phone's bottom sheet);
    // in a frame or inside an article it takes the height of its content.
    let framed = use_memo((), |_| crate::embed::in_frame());

    // The card: for the view's stop, or for the first stop while it is drawn hidden (`Action::Warm`), from one
    // call of `case_card`.
    let card_view = match &state.view {
        View::Stop(_) | View::Start => Some(state.view.clone()),
        _ if state.warm => TOUR.next(&View::Overview),
        _ => None,
    };
    let mut card_html =
        card_view.map(|view| case_card(&CaseCardProps { view, lang, onnavigate: dispatch.clone() }, &card));
    let panel = match &state.view {
        View::Stop(_) | View::Start => card_html.take().unwrap_or_default(),
        View::Route(n) => route_panel(&RoutePanelProps { group: *n, lang, onselect: show.clone() }),
        View::Overview => overview(&OverviewProps { lang, onselect: show.clone() }),
        View::Hunan => html! {},
    };

    let main = if state.view == View::Hunan {
        hunan_view(&HunanViewProps { lang, onselect: show.clone() }, &hunan_outlines)
    } else {
        html! {
            <div class="ct-stage">
                <TourMap view={state.map_view.clone()} {lang}
                    present={state.present} store={store.dispatcher()} />
                <div class="ct-panel">{ panel }</div>
                if let Some(hidden) = card_html {
                    <div class="ct-warm" aria-hidden="true" inert=true>{ hidden }</div>
                }
            </div>
        }
    };

    let toggle_lang = {
        let set_lang = set_lang(store.dispatcher());
        let next = lang.other();
        Callback::from(move |_| set_lang(next))
    };
    let (export_svg, export_png) = export_handlers(&state.view, lang, state.present);
    let extra = html! {
        <>
            if state.present {
                { presenter_bar(&state, &presenter) }
            }
            if printing {
                { handout(lang) }
            }
        </>
    };
    page(PageProps {
        view: state.view.clone(),
        lang,
        present: state.present,
        embed: state.embed,
        dark,
        page: props.owns_page && !*framed,
        root: root_ref,
        tools: Tools {
            print,
            export_svg,
            export_png,
            present: dispatch.reform(|_| Action::TogglePresent),
            lang: toggle_lang,
        },
        onselect: Some(show),
        main,
        extra,
        id: None,
    })
}
