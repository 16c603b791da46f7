//! The writer: a [`Json`] tree as compact JSON text, as `JSON.stringify` writes it.

use super::value::Json;
use std::fmt::{self, Write};

impl fmt::Display for Json {
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Json::Null => out.write_str("null"),
            Json::Bool(flag) => out.write_str(if *flag { "true" } else { "false" }),
            Json::Number(number) => out.write_str(number),
            Json::String(text) => write_string(out, text),
            Json::Array(items) => {
                out.write_char('[')?;
                for (index, item) in items.iter().enumerate() {
                    if index > 0 {
                        out.write_char(',')?;
                    }
                    item.fmt(out)?;
                }
                out.write_char(']')
            }
            Json::Object(members) => {
                out.write_char('{')?;
                for (index, (name, value)) in members.iter().enumerate() {
                    if index > 0 {
                        out.write_char(',')?;
                    }
                    write_string(out, name)?;
                    out.write_char(':')?;
                    value.fmt(out)?;
                }
                out.write_char('}')
            }
        }
    }
}

/// `text` quoted, with `"`, `\` and the control characters escaped.
fn write_string(out: &mut fmt::Formatter<'_>, text: &str) -> fmt::Result {
    out.write_char('"')?;
    let mut run = 0;
    for (at, byte) in text.bytes().enumerate() {
        let escape = match byte {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0C => "\\f",
            0..=0x1F => "",
            _ => continue,
        };
        out.write_str(&text[run..at])?;
        if escape.is_empty() {
            write!(out, "\\u{byte:04x}")?;
        } else {
            out.write_str(escape)?;
        }
        run = at + 1;
    }
    out.write_str(&text[run..])?;
    out.write_char('"')
}

#[cfg(test)]
mod tests {
    use super::super::parse::parse;
    use super::*;

    #[test]
    fn writes_compact_json_that_reads_back_the_same() {
        let source = r#"{"a":[1,-2.5e3,true,false,null],"b":{"c":"d"},"e":[],"f":{}}"#;
        assert_eq!(parse(source).unwrap().to_string(), source);
    }

    #[test]
    fn escapes_quotes_backslashes_and_control_characters_only() {
        let text = Json::String("say \"hi\"\\ /\n\r\t\u{8}\u{c}\u{1}\u{1f} é 😀".into());
        assert_eq!(text.to_string(), r#""say \"hi\"\\ /\n\r\t\b\f\u0001\u001f é 😀""#);
        assert_eq!(parse(&text.to_string()).unwrap(), text);
    }
}
