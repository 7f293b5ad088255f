#include "kith/store/edit_copy.hpp"

#include "kith/model/layout.hpp"

namespace kith {

EditCopy::EditCopy(const Folder& folder, const std::string& path)
    : folder_(folder), copy_(layout::in_state("edit-" + path.substr(path.rfind('/') + 1))), from_(copy_ + ".from") {}

void EditCopy::start(const std::string& original) const { keep(original, original); }

void EditCopy::keep(const std::string& from, const std::string& text) const {
    folder_.make_folder(layout::state);
    folder_.write(from_, from);
    folder_.write(copy_, text);
}

void EditCopy::drop() const {
    folder_.remove(copy_);
    folder_.remove(from_);
}

}  // namespace kith
