#include "support/fake_smtp.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <stdexcept>

namespace narcisse::test {

namespace {

std::string lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

int hexValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

std::string base64Decode(const std::string& in) {
    static const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    int bits = 0, value = 0;
    for (char c : in) {
        const auto pos = alphabet.find(c);
        if (pos == std::string::npos) continue;   // padding, line breaks
        value = (value << 6) | static_cast<int>(pos);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out += static_cast<char>((value >> bits) & 0xFF);
        }
    }
    return out;
}

// Quoted-printable (RFC 2045): "=XX" bytes and "=" soft line breaks; `underscoreIsSpace` for the
// "Q" encoding of header words (RFC 2047).
std::string qpDecode(const std::string& in, bool underscoreIsSpace) {
    std::string out;
    for (std::size_t i = 0; i < in.size(); ++i) {
        const char c = in[i];
        if (c == '=' && i + 1 < in.size() && (in[i + 1] == '\r' || in[i + 1] == '\n')) {
            i += in[i + 1] == '\r' && i + 2 < in.size() && in[i + 2] == '\n' ? 2 : 1;
        } else if (c == '=' && i + 2 < in.size() && hexValue(in[i + 1]) >= 0 && hexValue(in[i + 2]) >= 0) {
            out += static_cast<char>(hexValue(in[i + 1]) * 16 + hexValue(in[i + 2]));
            i += 2;
        } else if (c == '_' && underscoreIsSpace) {
            out += ' ';
        } else {
            out += c;
        }
    }
    return out;
}

// RFC 2047: "=?UTF-8?Q?...?=" and "=?UTF-8?B?...?=", whitespace between two encoded words dropped.
std::string decodeWords(const std::string& value) {
    std::string out;
    std::size_t i = 0;
    bool lastWasWord = false;
    while (i < value.size()) {
        const auto start = value.find("=?", i);
        if (start == std::string::npos) {
            out += value.substr(i);
            break;
        }
        const std::string between = value.substr(i, start - i);
        const bool blank = between.find_first_not_of(" \t") == std::string::npos;
        if (!(lastWasWord && blank)) out += between;
        const auto q1 = value.find('?', start + 2);
        const auto q2 = q1 == std::string::npos ? q1 : value.find('?', q1 + 1);
        const auto end = q2 == std::string::npos ? q2 : value.find("?=", q2 + 1);
        if (end == std::string::npos) {
            out += value.substr(start);
            break;
        }
        const char encoding = static_cast<char>(std::toupper(static_cast<unsigned char>(value[q1 + 1])));
        const std::string text = value.substr(q2 + 1, end - q2 - 1);
        out += encoding == 'B' ? base64Decode(text) : qpDecode(text, true);
        lastWasWord = true;
        i = end + 2;
    }
    return out;
}

bool sendAll(int fd, const std::string& text) {
    std::size_t done = 0;
    while (done < text.size()) {
        const ssize_t n = ::send(fd, text.data() + done, text.size() - done, MSG_NOSIGNAL);
        if (n <= 0) return false;
        done += static_cast<std::size_t>(n);
    }
    return true;
}

// Reads one CRLF-terminated line (without it) from a buffered socket; false at end of stream.
bool readLine(int fd, std::string& buffer, std::string& line) {
    for (;;) {
        const auto pos = buffer.find("\r\n");
        if (pos != std::string::npos) {
            line = buffer.substr(0, pos);
            buffer.erase(0, pos + 2);
            return true;
        }
        char chunk[4096];
        const ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
        if (n <= 0) return false;
        buffer.append(chunk, static_cast<std::size_t>(n));
    }
}

std::string address(const std::string& argument) {
    const auto open = argument.find('<');
    const auto close = argument.find('>', open == std::string::npos ? 0 : open);
    if (open == std::string::npos || close == std::string::npos) return argument;
    return argument.substr(open + 1, close - open - 1);
}

}  // namespace

std::string ReceivedMail::header(const std::string& name) const {
    const auto headEnd = data.find("\r\n\r\n");
    const std::string head = data.substr(0, headEnd);
    // Unfold: a line starting with white space continues the previous one.
    std::vector<std::string> lines;
    std::size_t pos = 0;
    while (pos <= head.size()) {
        auto end = head.find("\r\n", pos);
        if (end == std::string::npos) end = head.size();
        const std::string line = head.substr(pos, end - pos);
        if (!line.empty() && (line[0] == ' ' || line[0] == '\t') && !lines.empty())
            lines.back() += line;
        else
            lines.push_back(line);
        pos = end + 2;
    }
    const std::string wanted = lower(name) + ":";
    for (const auto& line : lines)
        if (lower(line.substr(0, wanted.size())) == wanted) {
            std::string value = line.substr(wanted.size());
            value.erase(0, value.find_first_not_of(" \t"));
            return decodeWords(value);
        }
    return {};
}

std::string ReceivedMail::body() const {
    const auto headEnd = data.find("\r\n\r\n");
    std::string raw = headEnd == std::string::npos ? std::string() : data.substr(headEnd + 4);
    const std::string encoding = lower(header("Content-Transfer-Encoding"));
    if (encoding == "quoted-printable") raw = qpDecode(raw, false);
    if (encoding == "base64") raw = base64Decode(raw);
    std::string out;
    for (std::size_t i = 0; i < raw.size(); ++i)
        if (!(raw[i] == '\r' && i + 1 < raw.size() && raw[i + 1] == '\n')) out += raw[i];
    return out;
}

FakeSmtpServer::FakeSmtpServer() {
    m_listener = ::socket(AF_INET, SOCK_STREAM, 0);
    if (m_listener < 0) throw std::runtime_error("fake SMTP: socket() failed");
    const int yes = 1;
    ::setsockopt(m_listener, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;   // the system picks a free port
    if (::bind(m_listener, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || ::listen(m_listener, 8) != 0)
        throw std::runtime_error("fake SMTP: cannot listen on 127.0.0.1");
    socklen_t length = sizeof addr;
    ::getsockname(m_listener, reinterpret_cast<sockaddr*>(&addr), &length);
    m_port = ntohs(addr.sin_port);
    m_thread = std::thread([this] { serve(); });
}

FakeSmtpServer::~FakeSmtpServer() {
    m_stop = true;
    if (m_thread.joinable()) m_thread.join();
    ::close(m_listener);
}

std::vector<ReceivedMail> FakeSmtpServer::messages() const {
    std::lock_guard lock(m_mutex);
    return m_messages;
}

std::vector<std::string> FakeSmtpServer::commands() const {
    std::lock_guard lock(m_mutex);
    return m_commands;
}

void FakeSmtpServer::serve() {
    while (!m_stop) {
        pollfd p{m_listener, POLLIN, 0};
        if (::poll(&p, 1, 50) <= 0) continue;
        const int client = ::accept(m_listener, nullptr, nullptr);
        if (client < 0) continue;
        timeval timeout{10, 0};   // a client that stops talking does not hang the test
        ::setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
        converse(client);
        ::close(client);
    }
}

void FakeSmtpServer::converse(int client) {
    std::string buffer, line;
    if (!sendAll(client, "220 fake-smtp.test ESMTP ready\r\n")) return;
    ReceivedMail mail;
    int queued = 0;
    while (readLine(client, buffer, line)) {
        {
            std::lock_guard lock(m_mutex);
            m_commands.push_back(line);
        }
        const std::string verb = lower(line.substr(0, line.find(' ')));
        const std::string argument = line.find(' ') == std::string::npos ? "" : line.substr(line.find(' ') + 1);
        std::string reply;
        if (verb == "ehlo") {
            reply = "250-fake-smtp.test greets " + argument + "\r\n250-PIPELINING\r\n250-SIZE 10240000\r\n"
                    "250-8BITMIME\r\n250 SMTPUTF8\r\n";
        } else if (verb == "helo") {
            reply = "250 fake-smtp.test\r\n";
        } else if (verb == "mail") {
            mail = {};
            mail.from = address(argument);
            reply = "250 2.1.0 Ok\r\n";
        } else if (verb == "rcpt") {
            const std::string to = address(argument);
            if (m_reject) {
                reply = "550 5.1.1 <" + to + ">: Recipient address rejected: User unknown\r\n";
            } else {
                mail.recipients.push_back(to);
                reply = "250 2.1.5 Ok\r\n";
            }
        } else if (verb == "data") {
            if (mail.recipients.empty()) {
                reply = "554 5.5.1 Error: no valid recipients\r\n";
            } else {
                if (!sendAll(client, "354 End data with <CR><LF>.<CR><LF>\r\n")) return;
                std::string data;
                bool ended = false;
                while (readLine(client, buffer, line)) {
                    if (line == ".") {
                        ended = true;
                        break;
                    }
                    if (!line.empty() && line[0] == '.') line.erase(0, 1);   // dot-stuffing (RFC 5321 §4.5.2)
                    data += line + "\r\n";
                }
                if (!ended) return;
                mail.data = std::move(data);
                {
                    std::lock_guard lock(m_mutex);
                    m_messages.push_back(mail);
                }
                mail = {};
                reply = "250 2.0.0 Ok: queued as FAKE" + std::to_string(++queued) + "\r\n";
            }
        } else if (verb == "rset") {
            mail = {};
            reply = "250 2.0.0 Ok\r\n";
        } else if (verb == "noop") {
            reply = "250 2.0.0 Ok\r\n";
        } else if (verb == "quit") {
            sendAll(client, "221 2.0.0 Bye\r\n");
            return;
        } else {
            reply = "502 5.5.2 Error: command not recognized\r\n";
        }
        if (!sendAll(client, reply)) return;
    }
}

}  // namespace narcisse::test
