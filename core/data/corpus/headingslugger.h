#pragma once

#include <QHash>
#include <QString>

namespace DeployDesk {

// The heading anchors of a Docusaurus page, as its remark plugin makes them with
// github-slugger (v2 rules):
//   - lowercase the text;
//   - drop punctuation except "-" and "_" (Unicode categories Pd/Ps/Pe/Pi/Pf/Po), symbols
//     (S*), other numbers (No), control, format, private-use and unassigned characters,
//     and separators other than the ASCII space — letters that Unicode files as symbols
//     (circled letters) are kept;
//   - turn each space into "-" (no collapsing: "a - b" gives "a---b");
//   - a slug already used on the page gets "-1", "-2", ... (unique()).
// An explicit id written as "## Title {#my-id}" replaces the generated one and is not
// counted as a use (Docusaurus does the same).
class HeadingSlugger final
{
public:
    // The slug of `text` without the duplicate counter.
    static QString slug(const QString &text);
    // The slug of `text`, made unique among the slugs this slugger has handed out.
    QString unique(const QString &text);
    void reset() { m_occurrences.clear(); }

    struct HeadingId
    {
        QString text; // the heading without the "{#id}" part, right-trimmed
        QString id;   // empty when there is none
    };
    // Splits "Title {#my-id}" (the "}" must end the text) into "Title" and "my-id".
    static HeadingId parseExplicitId(const QString &heading);

private:
    QHash<QString, int> m_occurrences;
};

} // namespace DeployDesk
