#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace DeployDesk::Ui {

// Asks before a run or a deploy starts from the panel, with an optional message: why this
// run, kept in the history as `deploydeskctl run -m` keeps it (secrets masked). The
// default button starts; Esc starts nothing.
class StartRunDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StartRunDialog)

public:
    StartRunDialog(const QString &title, const QString &question, const QString &startText,
                   QWidget *parent = nullptr);

    QString message() const; // trimmed; empty when none was typed

    // For tests and keyboard users.
    QLineEdit *messageEdit() const { return m_message; }
    QPushButton *startButton() const { return m_start; }

private:
    QLineEdit *m_message = nullptr;
    QPushButton *m_start = nullptr;
};

} // namespace DeployDesk::Ui
