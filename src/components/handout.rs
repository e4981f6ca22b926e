//! The printed handout (built as HTML by `crate::print_layout`): hidden on screen and rendered only while
//! printing is under way (`use_print`), so it costs nothing the rest of the time; the print stylesheet
//! hides the interactive widget and shows this.

use gloo::events::EventListener;
use yew::prelude::*;

use crate::bundle::TOUR;
use crate::model::Lang;
use crate::print_layout::handout_html;
use crate::web::delta;

/// Whether the handout is needed now, and the Print button's handler.
///
/// The handout appears on `beforeprint` (Ctrl+P, the browser's menu) and when the `print` media query
/// starts to match (print emulation and previews), and goes on `afterprint`. The Print button renders it
/// first and calls `window.print()` once it is in the page.
#[hook]
pub fn use_print() -> (bool, Callback<MouseEvent>) {
    let printing = use_state_eq(|| false);
    let asked = use_mut_ref(|| false);
    {
        let printing = printing.clone();
        use_effect_with((), move |_| {
            let w = gloo::utils::window();
            let on = printing.clone();
            let before = EventListener::new(&w, "beforeprint", move |_| on.set(true));
            let off = printing.clone();
            let after = EventListener::new(&w, "afterprint", move |_| off.set(false));
            let media = w.match_media("print").ok().flatten().map(|m| {
                let q = m.clone();
                EventListener::new(&m, "change", move |_| printing.set(q.matches()))
            });
            move || drop((before, after, media))
        });
    }
    {
        let asked = asked.clone();
        use_effect_with(*printing, move |on| {
            if *on && std::mem::take(&mut *asked.borrow_mut()) {
                let _ = gloo::utils::window().print();
            }
        });
    }
    let print = {
        let printing = printing.clone();
        Callback::from(move |_: MouseEvent| {
            if *printing {
                let _ = gloo::utils::window().print();
            } else {
                *asked.borrow_mut() = true;
                printing.set(true);
            }
        })
    };
    (*printing, print)
}

/// The handout in `lang`. A plain function, not a component: it is built only while printing.
pub fn handout(lang: Lang) -> Html {
    let page = Html::from_html_unchecked(AttrValue::from(handout_html(&TOUR, delta(), lang)));
    html! { <div class="ct-handout">{ page }</div> }
}
