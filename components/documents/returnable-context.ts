'use client';
import { createContext } from 'react';
import type { ReturnableSerials } from './returnable-serials';

/**
 * On the form of a return, what can go back on the document it names (null on every other form): the serial form
 * of each line picks and checks against it (line-serials.tsx). A context, because the lines editor between the form
 * and the serial form has nothing to do with it.
 */
export const ReturnableContext = createContext<ReturnableSerials | null>(null);
