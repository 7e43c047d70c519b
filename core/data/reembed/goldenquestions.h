#pragma once

#include "common/error.h"

#include <QList>
#include <QString>

namespace DeployDesk::Data {

// A question the index must answer with a known page: the validation gate of a re-embed.
struct GoldenQuestion
{
    QString question;
    QString expected; // a page URL ("/docs/guides/intro") or a doc path ("guides/intro.md")
    int line = 0;     // 1-based line in its file
};

// The golden questions of a workspace: a text file, one "question => expected page" per line;
// blank lines and lines starting with "#" are skipped. A line without " => ", or with an
// empty side, is an Invalid error at file:line:column saying how to write it.
class GoldenQuestions final
{
public:
    static Result<QList<GoldenQuestion>> parse(const QString &text, const QString &file);
    static Result<QList<GoldenQuestion>> load(const QString &path);

    // Whether a hit (its page URL, possibly with "#anchor", and its doc path) is the
    // expected page: URLs compare without the anchor and a trailing "/".
    static bool matches(const QString &expected, const QString &hitUrl, const QString &hitDocPath);
};

} // namespace DeployDesk::Data
