// リッチエディター / Rich Text: the shared editor (web/src/ui/rich-text-editor.tsx), which writes
// only the tags the server keeps; the server sanitises what it stores all the same.
import { RichTextEditor } from '../../../ui/rich-text-editor';
import type { InputProps } from './types';

export function RichTextInput(props: InputProps<string> & { label: string; error?: string | undefined }) {
  return <RichTextEditor id={props.id} label={props.label} value={props.value} onChange={props.onChange} error={props.error} disabled={props.readOnly} hideLabel={Boolean(props.ariaLabel)} />;
}
