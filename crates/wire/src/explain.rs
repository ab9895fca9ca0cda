pub fn explain(_abbrev: &str) -> &'static str {
    ""
}
