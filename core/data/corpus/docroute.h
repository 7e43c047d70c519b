#pragma once

#include <QString>

#include <optional>

namespace DeployDesk {

// Where Docusaurus publishes a doc (plugin-content-docs rules):
//   - the doc id is the front matter `id`, else the file name without its extension and
//     without a number prefix ("01-intro.md" and "1 - intro.md" give "intro"; date-like
//     "2024-01-02-x" and version-like "1.2-x" prefixes are kept);
//   - the slug is the front matter `slug` when it starts with "/", else it is resolved
//     against the doc's folder (number prefixes stripped from each folder name);
//   - without a front matter slug, "index", "README" (any case) and a file named like its
//     folder ("guides/guides.md") are the folder's index: their slug is the folder
//     ("guides/index.md" -> "/guides/");
//   - the URL is `routeBase` ("/docs" by default) joined with the slug.
struct DocRoute
{
    QString id;                      // "intro"
    QString slug;                    // "/guides/intro"
    QString url;                     // "/docs/guides/intro"
    std::optional<int> numberPrefix; // 1 for "01-intro.md": the default sidebar position
    static DocRoute resolve(const QString &docPath, const QString &frontMatterId,
                            const QString &frontMatterSlug, const QString &routeBase);

    // "01-intro" -> {"intro", 1}; "2024-01-02-notes" stays as it is.
    static QString stripNumberPrefix(const QString &name, std::optional<int> *prefix = nullptr);
};

} // namespace DeployDesk
