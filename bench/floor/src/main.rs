//! A counter: one component, one hook, one listener. What any Yew app ships before its own code.

use yew::prelude::*;

#[global_allocator]
static ALLOCATOR: talc::TalckWasm = unsafe { talc::TalckWasm::new_global() };

#[function_component(App)]
fn app() -> Html {
    let n = use_state(|| 0u32);
    let onclick = {
        let n = n.clone();
        Callback::from(move |_: MouseEvent| n.set(*n + 1))
    };
    html! { <main><button {onclick}>{ "+1" }</button><p>{ *n }</p></main> }
}

fn main() {
    yew::Renderer::<App>::new().render();
}
