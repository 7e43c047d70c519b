#include "data/corpus/headingslugger.h"

#include <QChar>

namespace DeployDesk {

namespace {

// Unicode's Other_Alphabetic characters filed under "Symbol, other": github-slugger keeps
// every alphabetic character, so these survive although other symbols are dropped.
bool isAlphabeticSymbol(char32_t c)
{
    return (c >= 0x24B6 && c <= 0x24E9) || (c >= 0x1F130 && c <= 0x1F149) ||
           (c >= 0x1F150 && c <= 0x1F169) || (c >= 0x1F170 && c <= 0x1F189);
}

bool dropped(char32_t c)
{
    if (c == U' ' || c == U'-')
        return false;
    switch (QChar::category(c)) {
    case QChar::Number_Other:
    case QChar::Punctuation_Dash:
    case QChar::Punctuation_Open:
    case QChar::Punctuation_Close:
    case QChar::Punctuation_InitialQuote:
    case QChar::Punctuation_FinalQuote:
    case QChar::Punctuation_Other:
    case QChar::Other_Control:
    case QChar::Other_Format:
    case QChar::Other_PrivateUse:
    case QChar::Other_NotAssigned:
    case QChar::Other_Surrogate:
    case QChar::Separator_Space:
    case QChar::Separator_Line:
    case QChar::Separator_Paragraph:
    case QChar::Symbol_Math:
    case QChar::Symbol_Currency:
    case QChar::Symbol_Modifier:
        return true;
    case QChar::Symbol_Other:
        return !isAlphabeticSymbol(c);
    default:
        return false;
    }
}

} // namespace

QString HeadingSlugger::slug(const QString &text)
{
    const QString lower = text.toLower();
    QString out;
    out.reserve(lower.size());
    const qsizetype n = lower.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar ch = lower.at(i);
        char32_t c = ch.unicode();
        bool pair = false;
        if (ch.isHighSurrogate() && i + 1 < n && lower.at(i + 1).isLowSurrogate()) {
            c = QChar::surrogateToUcs4(ch, lower.at(i + 1));
            pair = true;
        }
        if (!dropped(c)) {
            if (c == U' ')
                out.append(u'-');
            else if (pair)
                out.append(ch).append(lower.at(i + 1));
            else
                out.append(ch);
        }
        if (pair)
            ++i;
    }
    return out;
}

QString HeadingSlugger::unique(const QString &text)
{
    const QString original = slug(text);
    QString result = original;
    while (m_occurrences.contains(result)) {
        const int count = ++m_occurrences[original];
        result = original + u'-' + QString::number(count);
    }
    m_occurrences.insert(result, 0);
    return result;
}

HeadingSlugger::HeadingId HeadingSlugger::parseExplicitId(const QString &heading)
{
    if (!heading.endsWith(u'}'))
        return {heading, {}};
    const qsizetype open = heading.lastIndexOf(QLatin1String("{#"));
    if (open < 0)
        return {heading, {}};
    const QString id = heading.mid(open + 2, heading.size() - open - 3);
    if (id.isEmpty() || id.contains(u'}'))
        return {heading, {}};
    QString rest = heading.left(open);
    while (!rest.isEmpty() && rest.back().isSpace())
        rest.chop(1);
    return {rest, id.trimmed()};
}

} // namespace DeployDesk
