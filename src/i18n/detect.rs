//! Which language the user's system asks for.

use super::Lang;

/// The language of the locale: `LANGUAGE` (a GNU priority list), `LC_ALL`, `LC_MESSAGES`,
/// `LANG`, the first one set and not empty, as gettext reads them; on Windows and macOS,
/// where those are rarely set, the system's locale. English when nothing asks for Chinese.
pub fn from_environment() -> Lang {
    let var = |name: &str| std::env::var(name).ok();
    if let Some(lang) = from_variables(
        var("LANGUAGE").as_deref(),
        var("LC_ALL").as_deref(),
        var("LC_MESSAGES").as_deref(),
        var("LANG").as_deref(),
    ) {
        return lang;
    }
    system_locale().unwrap_or(Lang::En)
}

#[cfg(not(target_os = "linux"))]
fn system_locale() -> Option<Lang> {
    sys_locale::get_locales().find_map(|tag| from_locale(&tag))
}

#[cfg(target_os = "linux")]
fn system_locale() -> Option<Lang> {
    None
}

/// The decision of [`from_environment`] on given values of the four variables. `None` when
/// none is set: the system locale decides.
///
/// `LC_ALL=C` (or `POSIX`) means English even if `LANGUAGE` lists Chinese, as gettext has
/// it: the C locale turns translation off.
pub fn from_variables(
    language: Option<&str>,
    lc_all: Option<&str>,
    lc_messages: Option<&str>,
    lang: Option<&str>,
) -> Option<Lang> {
    let set = |v: Option<&str>| {
        v.map(str::trim)
            .filter(|v| !v.is_empty())
            .map(str::to_string)
    };
    let locale = set(lc_all).or(set(lc_messages)).or(set(lang));
    if let Some(l) = &locale {
        if is_c_locale(l) {
            return Some(Lang::En);
        }
    }
    if let Some(list) = set(language) {
        for tag in list.split(':') {
            if let Some(lang) = from_locale(tag) {
                return Some(lang);
            }
        }
    }
    locale.map(|l| from_locale(&l).unwrap_or(Lang::En))
}

fn is_c_locale(locale: &str) -> bool {
    let base = locale.split(['.', '@']).next().unwrap_or("");
    base == "C" || base == "POSIX"
}

/// One locale name (`zh_CN.UTF-8`, `zh-Hant-TW`, `en_US`) to a language we speak, `None`
/// for a language we do not (the next entry of `LANGUAGE` is tried).
pub fn from_locale(locale: &str) -> Option<Lang> {
    let base = locale
        .split(['.', '@'])
        .next()
        .unwrap_or("")
        .replace('_', "-");
    let mut parts = base.split('-').map(|p| p.to_ascii_lowercase());
    match parts.next()?.as_str() {
        "en" => Some(Lang::En),
        "zh" => {
            // The script decides when given (zh-Hant-CN is still Traditional), then the
            // region: Taiwan, Hong Kong and Macau write Traditional characters.
            let rest: Vec<String> = parts.collect();
            if rest.iter().any(|p| p == "hant") {
                Some(Lang::ZhTw)
            } else if rest.iter().any(|p| p == "hans") {
                Some(Lang::ZhCn)
            } else if rest
                .iter()
                .any(|p| matches!(p.as_str(), "tw" | "hk" | "mo"))
            {
                Some(Lang::ZhTw)
            } else {
                Some(Lang::ZhCn)
            }
        }
        "c" | "posix" => Some(Lang::En),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_locales_choose_their_script() {
        for (locale, lang) in [
            ("zh", Lang::ZhCn),
            ("zh_CN.UTF-8", Lang::ZhCn),
            ("zh_SG.GB2312", Lang::ZhCn),
            ("zh_TW.UTF-8", Lang::ZhTw),
            ("zh_HK.Big5-HKSCS", Lang::ZhTw),
            ("zh_MO", Lang::ZhTw),
            ("zh-Hant", Lang::ZhTw),
            ("zh-Hans-HK", Lang::ZhCn),
            ("en_US.UTF-8", Lang::En),
            ("C.UTF-8", Lang::En),
        ] {
            assert_eq!(from_locale(locale), Some(lang), "{locale}");
        }
        assert_eq!(from_locale("de_DE.UTF-8"), None);
    }

    #[test]
    fn variables_are_read_in_gettext_order() {
        assert_eq!(from_variables(None, None, None, None), None);
        assert_eq!(
            from_variables(None, None, None, Some("zh_TW.UTF-8")),
            Some(Lang::ZhTw)
        );
        assert_eq!(
            from_variables(None, Some("zh_CN.UTF-8"), None, Some("zh_TW.UTF-8")),
            Some(Lang::ZhCn)
        );
        assert_eq!(
            from_variables(None, None, Some("zh_HK"), Some("en_US.UTF-8")),
            Some(Lang::ZhTw)
        );
        // LANGUAGE is a priority list: the first language we speak wins.
        assert_eq!(
            from_variables(Some("de:zh_TW:en"), None, None, Some("de_DE.UTF-8")),
            Some(Lang::ZhTw)
        );
        // The C locale switches translation off whatever LANGUAGE says.
        assert_eq!(
            from_variables(Some("zh_CN"), None, None, Some("C")),
            Some(Lang::En)
        );
        // A language we do not speak is English.
        assert_eq!(
            from_variables(None, None, None, Some("fr_FR.UTF-8")),
            Some(Lang::En)
        );
        // Empty values count as unset.
        assert_eq!(
            from_variables(Some(""), Some(""), None, Some("zh_CN")),
            Some(Lang::ZhCn)
        );
    }
}
