#include "ui/common/mnemonic.h"

#include <QApplication>
#include <QEvent>
#include <QLabel>

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

namespace {

class MnemonicLabelFont final : public QObject
{
public:
    using QObject::QObject;

    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Polish) {
            if (auto *label = qobject_cast<QLabel *>(watched); label && label->buddy()) {
                QFont font = label->font();
                if (font.kerning()) {
                    font.setKerning(false);
                    label->setFont(font);
                }
            }
        }
        return false;
    }
};

} // namespace

void keepMnemonicLabelsWhole(QApplication &app)
{
    app.installEventFilter(new MnemonicLabelFont(&app));
}

} // namespace DeployDesk::Ui
