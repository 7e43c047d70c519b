#include "ui/logview/linerender.h"

namespace DeployDesk::Ui::Internal {

namespace {

// Where a group header's title starts in its display text (0: not a header).
qsizetype headerTitleStart(const QString &text)
{
    qsizetype i = 0;
    while (i < text.size() && (text[i] == u' ' || text[i] == u'\t'))
        ++i;
    if (text.mid(i, 9) != u"::group::" && text.mid(i, 9) != u"##[group]")
        return 0;
    i += 9;
    while (i < text.size() && text[i] == u' ')
        ++i;
    return i;
}
} // namespace

void renderLine(const LogLine &line, QString *text, QList<StyledSpan> *spans)
{
    // A fresh parser per line: a style never leaks from one line into the next, and any
    // line can be drawn without reading the lines before it.
    AnsiParser parser;
    AnsiParser::Output out = parser.feed(line.text);
    const qsizetype cut = headerTitleStart(out.text);
    if (cut > 0) {
        out.text.remove(0, cut);
        QList<StyledSpan> kept;
        for (StyledSpan span : std::as_const(out.spans)) {
            const int end = span.start + span.length - int(cut);
            span.start = std::max(0, span.start - int(cut));
            span.length = end - span.start;
            if (span.length > 0)
                kept.append(span);
        }
        out.spans = kept;
    }
    *text = std::move(out.text);
    *spans = std::move(out.spans);
}

} // namespace DeployDesk::Ui::Internal
