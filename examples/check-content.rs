//! `tools/check-content`: validate a tour.json and print each problem, naming the place and the field.

fn main() {
    let path = std::env::args().nth(1).unwrap_or_else(|| "assets/tour.json".to_string());
    let json = match std::fs::read_to_string(&path) {
        Ok(j) => j,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(2);
        }
    };
    match county_tour::data::load(&json) {
        Ok(t) => println!(
            "content OK: {} groups, {} stops, {} lessons, {} speakers",
            t.groups.len(),
            t.stops.len(),
            t.lessons.len(),
            t.hunan.speakers.len()
        ),
        Err(county_tour::data::LoadError::Invalid(issues)) => {
            for i in &issues {
                println!("{i}");
            }
            eprintln!("{path}: {} problem(s)", issues.len());
            std::process::exit(1);
        }
        Err(e) => {
            println!("{e}");
            std::process::exit(1);
        }
    }
}
