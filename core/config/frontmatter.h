#pragma once

#include "common/error.h"

#include <QByteArrayView>
#include <QString>
#include <QVariantMap>

namespace DeployDesk {

// Parses the YAML of a Markdown document's front matter (the text between its first "---"
// line and the next) into a map: scalars become QString, sequences QVariantList, mappings
// QVariantMap. yaml-cpp stays inside the config module; this is the corpus chunker's door
// to it.
//
// `firstLine` is the 1-based line of the file where `yaml` starts, so an error points at
// the file's own line and column ("docs/intro.md:3:7: ..."). Empty YAML gives an empty map;
// YAML that is not a mapping (a list, a lone scalar) is an error.
Result<QVariantMap> parseFrontMatterYaml(QByteArrayView yaml, const QString &file, int firstLine);

} // namespace DeployDesk
