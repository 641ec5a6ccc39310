import type { ComponentProps, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';
import { cn } from './cn';

const FIELD =
  'block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 ' +
  'focus:border-blue-600 focus:outline-none focus:ring-2 focus:ring-blue-200 aria-[invalid=true]:border-red-600 ' +
  'disabled:bg-slate-100 disabled:text-slate-600';
// A fixed value (a pinned document's date, say) reads as such, not as a field waiting for input. Only on
// inputs: a select always matches :read-only.
const READ_ONLY = 'read-only:bg-slate-100 read-only:text-slate-600';

export function Input({ className, ...props }: ComponentProps<'input'>) {
  return <input className={cn(FIELD, READ_ONLY, 'min-h-10', className)} {...props} />;
}

export function Textarea({ className, ...props }: TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return <textarea className={cn(FIELD, className)} {...props} />;
}

export function Select({ className, ...props }: SelectHTMLAttributes<HTMLSelectElement>) {
  return <select className={cn(FIELD, 'min-h-10', className)} {...props} />;
}
