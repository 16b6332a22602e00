using System.Text;
using System.Xml;

namespace ProfileSite.Content.Discovery;

/// <summary>
/// Text made safe for the documents the site writes, whatever the content holds: XML 1.0 cannot
/// carry most C0 controls (a form feed pasted from a PDF), U+FFFE/U+FFFF or an unpaired surrogate
/// (XML 1.0 section 2.2, production [2] Char), and JSON text must be valid Unicode (RFC 8259
/// section 8.1). Such characters are dropped, so a document is well-formed by construction rather
/// than by the luck of its content. (The loader warns about them where the owner wrote them.)
/// </summary>
public static class WellFormed
{
    /// <summary>The text without the characters XML 1.0 forbids; the same string when there are none.</summary>
    public static string Xml(string text)
    {
        var bad = FirstInvalid(text, xml: true);
        return bad < 0 ? text : Strip(text, bad, xml: true);
    }

    /// <summary>The text without unpaired surrogates (which no UTF-8 encoder accepts); the same string when there are none.</summary>
    public static string Json(string text)
    {
        var bad = FirstInvalid(text, xml: false);
        return bad < 0 ? text : Strip(text, bad, xml: false);
    }

    /// <summary>
    /// An <see cref="XmlWriter"/> whose every text, attribute value, comment and CDATA section passes
    /// through <see cref="Xml(string)"/>: nothing written through it can make it throw or the output ill-formed.
    /// </summary>
    public static XmlWriter Writer(Stream output, XmlWriterSettings settings) => new SafeXmlWriter(XmlWriter.Create(output, settings));

    private static int FirstInvalid(string text, bool xml)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(c) || (xml && !IsXmlChar(c)))
            {
                return i;
            }
        }

        return -1;
    }

    private static string Strip(string text, int first, bool xml)
    {
        var builder = new StringBuilder(text.Length);
        builder.Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else if (!char.IsSurrogate(c) && (!xml || IsXmlChar(c)))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static bool IsXmlChar(char c) =>
        c is '\t' or '\n' or '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || char.IsSurrogate(c);

    /// <summary>Delegates to an inner writer, cleaning every piece of character data on the way.</summary>
    private sealed class SafeXmlWriter(XmlWriter inner) : XmlWriter
    {
        public override WriteState WriteState => inner.WriteState;

        public override XmlWriterSettings? Settings => inner.Settings;

        public override void WriteStartDocument() => inner.WriteStartDocument();

        public override void WriteStartDocument(bool standalone) => inner.WriteStartDocument(standalone);

        public override void WriteEndDocument() => inner.WriteEndDocument();

        public override void WriteDocType(string name, string? pubid, string? sysid, string? subset) => inner.WriteDocType(name, pubid, sysid, subset);

        public override void WriteStartElement(string? prefix, string localName, string? ns) => inner.WriteStartElement(prefix, localName, ns);

        public override void WriteEndElement() => inner.WriteEndElement();

        public override void WriteFullEndElement() => inner.WriteFullEndElement();

        public override void WriteStartAttribute(string? prefix, string localName, string? ns) => inner.WriteStartAttribute(prefix, localName, ns);

        public override void WriteEndAttribute() => inner.WriteEndAttribute();

        // "]]>" cannot stand inside one CDATA section: the inner writer splits it into two.
        public override void WriteCData(string? text) => inner.WriteCData(text is null ? null : Xml(text));

        // "--" and a trailing "-" are not allowed in a comment: they are spaced apart.
        public override void WriteComment(string? text) => inner.WriteComment(text is null ? null : Xml(text).Replace("--", "- -", StringComparison.Ordinal).TrimEnd('-'));

        public override void WriteProcessingInstruction(string name, string? text) => inner.WriteProcessingInstruction(name, text is null ? null : Xml(text));

        public override void WriteEntityRef(string name) => inner.WriteEntityRef(name);

        public override void WriteCharEntity(char ch) => inner.WriteString(Xml(ch.ToString()));

        public override void WriteWhitespace(string? ws) => inner.WriteWhitespace(ws);

        public override void WriteString(string? text) => inner.WriteString(text is null ? null : Xml(text));

        public override void WriteSurrogateCharEntity(char lowChar, char highChar) => inner.WriteSurrogateCharEntity(lowChar, highChar);

        public override void WriteChars(char[] buffer, int index, int count) => WriteString(new string(buffer, index, count));

        public override void WriteRaw(char[] buffer, int index, int count) => WriteString(new string(buffer, index, count));

        public override void WriteRaw(string data) => WriteString(data);

        public override void WriteBase64(byte[] buffer, int index, int count) => inner.WriteBase64(buffer, index, count);

        public override void Flush() => inner.Flush();

        public override string? LookupPrefix(string ns) => inner.LookupPrefix(ns);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
