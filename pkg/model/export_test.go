package model

// FoldMentionText is the folded view of a text that Mentions reads.
var FoldMentionText = foldMentionText

// MentionsWork is Mentions, also returning the reads of the folded view it made.
func MentionsWork(text string) ([]Mention, int) {
	t := mentionReader{s: text}
	ms := t.mentions()
	return ms, t.reads
}

// ResolveWork returns the bytes of the keys IDIndex.Resolve looks up for m.
func ResolveWork(x *IDIndex, m Mention, token string) int {
	work := 0
	x.resolve(m, token, &work)
	return work
}
