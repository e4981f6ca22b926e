//! The Yew views. Each is thin: it reads props and sends actions; the logic lives in the plain modules.

pub mod export;
pub mod handout;
pub mod hunan;
pub mod map;
pub mod present;
