#include "kith/store/edit_copy.hpp"

#include "kith/model/layout.hpp"

namespace kith {

EditCopy::EditCopy(const Folder& folder, const std::string& path)
    : folder_(folder), copy_(layout::in_state("edit-" + path.substr(path.rfind('/') + 1))), from_(copy_ + ".from") {}

void EditCopy::start(const std::string& original) const { keep(original, original); }

void EditCopy::keep(const std::string& from, const std::string& text) const {
    folder_.write_state(from_, from);
    folder_.write_state(copy_, text);
}

void EditCopy::drop() const {
    folder_.remove_state(copy_);
    folder_.remove_state(from_);
}

}  // namespace kith
