// The typed errors every layer throws and the use-case boundary shows to the user.
#pragma once

#include <stdexcept>
#include <string>

namespace narcisse::domain {

// Base of every error this program raises on purpose; what() is a sentence for the user.
class Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Bad input: names the field and the rule it breaks; nothing was changed.
class ValidationError : public Error {
public:
    ValidationError(std::string field, const std::string& message)
        : Error(field + ": " + message), m_field(std::move(field)), m_message(message) {}
    const std::string& field() const { return m_field; }
    const std::string& message() const { return m_message; }

private:
    std::string m_field;
    std::string m_message;
};

// The request is valid but the current state forbids it (a transition, a closed departure...).
class ConflictError : public Error {
public:
    using Error::Error;
};

// A departure (or boat) has not enough free seats for the party.
class CapacityError : public ConflictError {
public:
    using ConflictError::ConflictError;
};

class NotFound : public Error {
public:
    using Error::Error;
};

class PermissionDenied : public Error {
public:
    using Error::Error;
};

// The store cannot be used: unreachable server, damaged file, schema newer than the program.
class StoreUnavailable : public Error {
public:
    using Error::Error;
};

}  // namespace narcisse::domain
