#include "config/frontmatter.h"

#include "common/translate.h"

#include <yaml-cpp/yaml.h>

#include <string>

namespace DeployDesk {

namespace {

QVariant toVariant(const YAML::Node &node)
{
    switch (node.Type()) {
    case YAML::NodeType::Scalar:
        return QString::fromStdString(node.Scalar());
    case YAML::NodeType::Sequence: {
        QVariantList list;
        for (const YAML::Node &item : node)
            list.append(toVariant(item));
        return list;
    }
    case YAML::NodeType::Map: {
        QVariantMap map;
        for (const auto &item : node) {
            if (item.first.IsScalar())
                map.insert(QString::fromStdString(item.first.Scalar()), toVariant(item.second));
        }
        return map;
    }
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined:
        break;
    }
    return {};
}

} // namespace

Result<QVariantMap> parseFrontMatterYaml(QByteArrayView yaml, const QString &file, int firstLine)
{
    // yaml-cpp reports a problem found at the end of the text (an unclosed bracket) on
    // the line after the last one: point at the last line instead.
    const int lastLine = int(yaml.trimmed().count('\n'));
    const auto located = [&](int line, int column, const QString &message) {
        if (line > lastLine) {
            line = lastLine;
            column = 0;
        }
        return std::unexpected(Error{
            ErrorCode::Invalid, message, {}, SourceLocation{file, firstLine + line, column + 1}});
    };
    YAML::Node root;
    try {
        root = YAML::Load(std::string(yaml.data(), size_t(yaml.size())));
    } catch (const YAML::Exception &e) {
        return located(e.mark.line < 0 ? 0 : e.mark.line, e.mark.column < 0 ? 0 : e.mark.column,
                       tr("the front matter is not valid YAML: %1; fix it or remove the "
                          "lines between the two \"---\"")
                           .arg(QString::fromStdString(e.msg)));
    }
    if (root.IsNull() || !root.IsDefined())
        return QVariantMap();
    if (!root.IsMap()) {
        const YAML::Mark mark = root.Mark();
        return located(mark.line < 0 ? 0 : mark.line, mark.column < 0 ? 0 : mark.column,
                       tr("the front matter must be a mapping of keys (\"title: Intro\"), "
                          "not a list or a single value"));
    }
    try {
        return toVariant(root).toMap();
    } catch (const YAML::Exception &e) {
        return located(
            e.mark.line < 0 ? 0 : e.mark.line, e.mark.column < 0 ? 0 : e.mark.column,
            tr("the front matter could not be read: %1").arg(QString::fromStdString(e.msg)));
    }
}

} // namespace DeployDesk
