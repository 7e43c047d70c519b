#include "ui/common/mnemonic.h"

namespace DeployDesk::Ui {

QString withoutMnemonic(const QString &text)
{
    QString plain;
    plain.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) == QLatin1Char('&')) {
            if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('&'))
                plain += QLatin1Char('&');
            ++i;
            if (i < text.size() && text.at(i) != QLatin1Char('&'))
                plain += text.at(i);
            continue;
        }
        plain += text.at(i);
    }
    return plain;
}

} // namespace DeployDesk::Ui
