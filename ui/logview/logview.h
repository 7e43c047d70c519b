#pragma once

#include "ui/logview/textmatcher.h"

#include <QAbstractScrollArea>
#include <QHash>
#include <QPointer>

#include <vector>

class QTextLayout;

namespace DeployDesk::Ui {

class LogModel;

// Draws a LogModel: only the rows on screen are read and laid out, so the size of the
// log does not matter. The vertical scroll bar counts rows (its value is the top row),
// which keeps wrap mode cheap: wrapped heights are computed for visible rows only.
// Follow-tail keeps the last row in view as rows arrive; scrolling up pauses it and
// scrolling back to the bottom resumes it (followTailChanged tells the toolbar).
class LogView final : public QAbstractScrollArea
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogView)

public:
    explicit LogView(QWidget *parent = nullptr);
    ~LogView() override;

    void setModel(LogModel *model);
    LogModel *model() const { return m_model; }

    void setWrap(bool wrap);
    bool wrap() const { return m_wrap; }
    void setShowTimestamps(bool show);
    bool showTimestamps() const { return m_timestamps; }
    void setFollowTail(bool follow);
    bool followTail() const { return m_follow; }
    void setPlaceholderText(const QString &text);
    QString placeholderText() const { return m_placeholder; }

    // Search highlighting: every occurrence in visible rows, the current one stronger.
    void setMatcher(const Internal::TextMatcher &matcher);
    // What is highlighted (empty: nothing).
    const Internal::TextMatcher &matcher() const { return m_matcher; }
    void setCurrentMatch(qint64 index, int ordinal); // document index; -1: none

    // The cursor row (keyboard focus, selection end) as a document index.
    qint64 currentIndex() const { return m_cursor; }
    // Selects one document index and scrolls it to the middle of the view.
    void setCurrentIndex(qint64 index);
    void selectAll();
    // The selected rows without escapes, newest last; at most kMaxCopyLines lines.
    QString selectedText(bool *truncated = nullptr) const;
    static constexpr int kMaxCopyLines = 200000;

    int topRow() const;
    int visibleRowCount() const; // rows at least partly on screen in the last layout
    bool isAtBottom() const;

signals:
    void followTailChanged(bool follow);
    void currentIndexChanged(qint64 index);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    struct Columns
    {
        int group = 0;
        int number = 0;
        int time = 0;
        int stage = 0;
        int text = 0; // where text starts
        int textWidth = 0;
    };
    Columns columns() const;
    int rowHeight(int row) const;
    int topRowShowingBottom(int lastRow) const; // the top row that puts lastRow at the bottom
    void updateScrollRange();
    void scrollToRow(int row, bool center);
    void setTopRow(int row);
    int rowAt(int y) const;
    void moveCursor(int row, bool extend);
    void onRowsInserted();
    void layoutText(QTextLayout &layout, int row, int width) const;

    QPointer<LogModel> m_model;
    bool m_wrap = false;
    bool m_timestamps = false;
    bool m_follow = true;
    bool m_scrolling = false; // the view is moving the scroll bar itself
    QString m_placeholder;
    Internal::TextMatcher m_matcher;
    qint64 m_matchIndex = -1;
    int m_matchOrdinal = 0;
    qint64 m_anchor = -1; // selection, as document indexes
    qint64 m_cursor = -1;
    int m_lineHeight = 1;
    int m_charWidth = 1;
    int m_maxTextWidth = 0;
    mutable QHash<qint64, int> m_heights; // wrap mode: document index -> height
    struct Painted
    {
        int row = 0;
        int y = 0;
        int height = 0;
    };
    std::vector<Painted> m_painted; // the last paint's rows, for hit testing
};

} // namespace DeployDesk::Ui
