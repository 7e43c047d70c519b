#pragma once

#include <QTimer>
#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;

namespace DeployDesk::Ui {

// The find row under the log viewer's toolbar: text, regex and case options, the match
// count ("3 of 1,204 matches"). Enter finds the next match, Shift+Enter the previous one,
// Esc closes the bar. Typing searches after a short pause.
class FindBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FindBar)

public:
    static constexpr int kTypingDelayMs = 250;

    explicit FindBar(QWidget *parent = nullptr);

    QString text() const;
    bool isRegex() const;
    bool isCaseSensitive() const;
    // Sets the fields without emitting searchChanged.
    void setSearch(const QString &text, bool regex, bool caseSensitive);
    void activate(); // shows the bar, focuses and selects the text
    void dismiss();  // hides the bar (Esc, the close button): closed()
    // current: 1-based, 0 for none; counting: the count is still growing.
    void setStatus(int current, int total, bool counting);
    void setError(const QString &message);
    QString statusText() const;

signals:
    void searchChanged();
    void nextRequested();
    void previousRequested();
    void closed();

protected:
    void keyPressEvent(QKeyEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QLineEdit *m_edit = nullptr;
    QCheckBox *m_regex = nullptr;
    QCheckBox *m_case = nullptr;
    QLabel *m_status = nullptr;
    QTimer m_typing;
};

} // namespace DeployDesk::Ui
