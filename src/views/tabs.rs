//! Route tabs: 全部 / 第一组 / 第二组 / 第三组.

use yew::prelude::*;

use crate::bundle::TOUR;

use crate::address::View;
use crate::model::Lang;
use crate::strings::{class_list, strings};
use crate::views::page::{follow, follow_space};
use crate::views::parts::route_style;

/// What [`route_tabs`] draws from.
pub struct RouteTabsProps {
    pub view: View,
    pub lang: Lang,
    /// `None` in the prerendered page, where each tab is a plain link to its view's address.
    pub onselect: Option<Callback<View>>,
}

/// The tabs. A plain function rather than a component: it keeps no state, and each Yew component costs
/// about 0.7 KB gzip of wasm.
pub fn route_tabs(p: &RouteTabsProps) -> Html {
    let s = strings(p.lang);
    let current = TOUR.group_of(&p.view);
    let tab = |label: String, target: View, selected: bool, number: Option<u8>| {
        let style = number.and_then(|n| TOUR.group(n)).map(|g| route_style(&g.color));
        html! {
            <a role="tab" class={class_list("ct-tab", &[(selected, "on")])} href={target.to_hash()}
                aria-selected={selected.to_string()} {style} onclick={follow(&p.onselect, target.clone())}
                onkeydown={follow_space(&p.onselect, target)}>
                if let Some(n) = number { <span class="ct-badge" aria-hidden="true">{ n }</span> }
                { label }
            </a>
        }
    };
    html! {
        <nav class="ct-tabs" role="tablist" aria-label={s.routes_label}>
            { tab(s.all_routes.to_string(), View::Overview, current.is_none() && p.view != View::Hunan, None) }
            { for TOUR.groups.iter().map(|g| tab(g.name.get(p.lang).to_string(), View::Route(g.number), current == Some(g.number), Some(g.number))) }
        </nav>
    }
}
