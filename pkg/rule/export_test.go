package rule

// RegisterForTest registers r for the calling test and returns the function
// that removes it. The test must not run in parallel with others.
func RegisterForTest(r *Rule) (remove func()) {
	register(r)
	return func() { delete(registry, r.ID) }
}
