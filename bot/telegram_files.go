package bot

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
)

// ErrFileTooLarge is returned by DownloadFile for a file over the size it
// was allowed.
var ErrFileTooLarge = errors.New("file too large")

// fileClient downloads files from the Bot API's file endpoint. It is
// separate from the library because the library's GetFileDirectURL always
// names api.telegram.org, which a local Bot API server or a test server is not.
type fileClient struct {
	ctx      context.Context // the transport's: cancelling it ends every download
	c        *http.Client
	endpoint string // the api_endpoint, "https://api.telegram.org/bot%s/%s"
}

// fileURL derives the download address from the API endpoint:
// ".../bot%s/%s" becomes ".../file/bot%s/%s", as Telegram (and a local Bot
// API server) serve files under /file.
func fileURL(endpoint, token, path string) (string, error) {
	base, ok := strings.CutSuffix(endpoint, "/bot%s/%s")
	if !ok {
		return "", fmt.Errorf("api endpoint %q does not end in /bot%%s/%%s: cannot derive the file address", endpoint)
	}
	return base + "/file/bot" + token + "/" + path, nil
}

// DownloadFile fetches a file a user sent (getFile, then a GET of the file
// address) with ctx and the transport's context both bounding it. It
// returns ErrFileTooLarge, without reading the rest, for a file over max
// bytes, whether getFile says so or the body runs over; a *SendError when
// Telegram refuses getFile; any other error for a failed download. No error
// names the token.
func (t *Telegram) DownloadFile(ctx context.Context, fileID string, max int64) ([]byte, error) {
	f, err := t.send.GetFile(tgbotapi.FileConfig{FileID: fileID})
	if err != nil {
		return nil, fmt.Errorf("getFile: %w", t.convert(err))
	}
	if int64(f.FileSize) > max {
		return nil, fmt.Errorf("file of %d bytes, over %d: %w", f.FileSize, max, ErrFileTooLarge)
	}
	if f.FilePath == "" {
		return nil, errors.New("getFile: no file_path in the answer")
	}
	data, err := t.files.get(ctx, t.token, f.FilePath, max)
	return data, redact(err, t.token)
}

// get reads the file at path, at most max bytes of it.
func (c fileClient) get(ctx context.Context, token, path string, max int64) ([]byte, error) {
	u, err := fileURL(c.endpoint, token, path)
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	stop := context.AfterFunc(c.ctx, cancel)
	defer stop()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, fmt.Errorf("download file: %w", err)
	}
	resp, err := c.c.Do(req)
	if err != nil {
		return nil, fmt.Errorf("download file: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("download file: HTTP status %d", resp.StatusCode)
	}
	if resp.ContentLength > max {
		return nil, fmt.Errorf("file of %d bytes, over %d: %w", resp.ContentLength, max, ErrFileTooLarge)
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, max+1))
	if err != nil {
		return nil, fmt.Errorf("download file: %w", err)
	}
	if int64(len(data)) > max {
		return nil, fmt.Errorf("file over %d bytes: %w", max, ErrFileTooLarge)
	}
	return data, nil
}

// documentOf returns the document of a message, or else of the message it
// replies to (so "/import" in reply to a file imports it), or nil.
func documentOf(m *tgbotapi.Message) *IncomingFile {
	d := m.Document
	if d == nil && m.ReplyToMessage != nil {
		d = m.ReplyToMessage.Document
	}
	if d == nil {
		return nil
	}
	return &IncomingFile{ID: d.FileID, Name: d.FileName, Size: int64(d.FileSize)}
}
