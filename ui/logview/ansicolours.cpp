#include "ui/logview/ansicolours.h"

namespace DeployDesk::Ui {

QColor ansiColour(int code)
{
    static constexpr QRgb kBasic[16] = {0x000000, 0xcd3131, 0x0dbc79, 0xe5e510, 0x2472c8, 0xbc3fbc,
                                        0x11a8cd, 0xe5e5e5, 0x666666, 0xf14c4c, 0x23d18b, 0xf5f543,
                                        0x3b8eea, 0xd670d6, 0x29b8db, 0xffffff};
    if (code < 0)
        return {};
    if (code & 0x1000000)
        return QColor::fromRgb(QRgb(code & 0xffffff));
    if (code < 16)
        return QColor::fromRgb(kBasic[code]);
    if (code < 232) {
        static constexpr int kLevels[6] = {0, 95, 135, 175, 215, 255};
        const int c = code - 16;
        return QColor(kLevels[c / 36], kLevels[(c / 6) % 6], kLevels[c % 6]);
    }
    if (code < 256) {
        const int grey = 8 + (code - 232) * 10;
        return QColor(grey, grey, grey);
    }
    return {};
}

QList<QTextLayout::FormatRange> ansiFormats(const QList<StyledSpan> &spans, const QPalette &palette)
{
    QList<QTextLayout::FormatRange> result;
    for (const StyledSpan &span : spans) {
        const TextStyle &s = span.style;
        if (s == TextStyle())
            continue;
        QTextCharFormat f;
        QColor fg = ansiColour(s.foreground);
        QColor bg = ansiColour(s.background);
        if (s.inverse) {
            std::swap(fg, bg);
            if (!fg.isValid())
                fg = palette.color(QPalette::Base);
            if (!bg.isValid())
                bg = palette.color(QPalette::Text);
        }
        if (s.faint) {
            if (!fg.isValid())
                fg = palette.color(QPalette::Text);
            fg.setAlphaF(0.6f);
        }
        if (fg.isValid())
            f.setForeground(fg);
        if (bg.isValid())
            f.setBackground(bg);
        if (s.bold)
            f.setFontWeight(QFont::Bold);
        f.setFontItalic(s.italic);
        f.setFontUnderline(s.underline);
        result.append({span.start, span.length, f});
    }
    return result;
}

} // namespace DeployDesk::Ui
