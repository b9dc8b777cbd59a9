/// Whether a template puts a value in its page exactly once, as it is.
extension TemplateSet {
    /// True when rendering `template` looks `name` up exactly once, as an unescaped variable
    /// (`{{{name}}}` or `{{&name}}`) outside every section, counting the partials, parents and
    /// blocks it renders. Then the page holds that value once, as given, wherever the rest of
    /// the page comes from: a page whose context differs only there differs only there.
    public func rendersOnce(_ name: String, unescapedIn template: String) -> Bool {
        guard let renderer = compiled, let root = renderer.templates[template] else { return false }
        var uses = 0
        var unsafe = false
        func walk(_ template: CompiledMustache, blocks: [String: CompiledMustache], inSection: Bool, depth: Int) {
            guard depth < 64 else {
                unsafe = true
                return
            }
            for node in template.nodes {
                switch node {
                case .text:
                    break
                case .variable(let variable, let escaped):
                    guard variable.parts.first == name else { continue }
                    uses += 1
                    if escaped || inSection { unsafe = true }
                case .section(let section, let body, _):
                    if section.parts.first == name { unsafe = true }
                    walk(body, blocks: blocks, inSection: true, depth: depth + 1)
                case .block(let block, let defaultContent, _):
                    walk(blocks[block] ?? defaultContent, blocks: blocks, inSection: inSection, depth: depth + 1)
                case .partial(let partial, _, let filled):
                    guard let included = renderer.templates[partial] else { continue }
                    var inner = blocks
                    if let filled { inner.merge(filled) { outer, _ in outer } }
                    walk(included, blocks: inner, inSection: inSection, depth: depth + 1)
                }
            }
        }
        walk(root, blocks: [:], inSection: false, depth: 0)
        return uses == 1 && !unsafe
    }
}
